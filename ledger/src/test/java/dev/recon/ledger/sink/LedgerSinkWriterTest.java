package dev.recon.ledger.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.ledger.db.WriteResult;
import dev.recon.ledger.posting.AdyenLikeCycle;
import dev.recon.schemas.JournalEntry;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.metrics.groups.OperatorIOMetricGroup;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;

class LedgerSinkWriterTest {

  private static final JournalEntry ENTRY =
      AdyenLikeCycle.entries("acme", "B1", Instant.parse("2024-03-01T00:00:00Z")).get(0);

  private final List<List<JournalEntry>> batches = new ArrayList<>();

  private LedgerSinkWriter writer() {
    return new LedgerSinkWriter(
        batch -> {
          batches.add(batch);
          return new WriteResult(batch.size(), 0, 0);
        },
        UnregisteredMetricsGroup.createSinkWriterMetricGroup());
  }

  @Test
  void writesWhenTheBufferIsFullAndAtEveryFlush() throws Exception {
    LedgerSinkWriter sink = writer();
    for (int i = 0; i < LedgerSink.MAX_BUFFERED_ENTRIES - 1; i++) {
      sink.write(ENTRY, null);
    }
    assertThat(batches).isEmpty();
    sink.write(ENTRY, null);
    assertThat(batches).hasSize(1);
    assertThat(batches.get(0)).hasSize(LedgerSink.MAX_BUFFERED_ENTRIES);

    sink.write(ENTRY, null);
    sink.flush(false);
    sink.flush(true);
    assertThat(batches).hasSize(2);
    assertThat(batches.get(1)).hasSize(1);
  }

  @Test
  void closingDropsTheUnflushedEntriesAndReleasesTheConnections() throws Exception {
    List<String> closed = new ArrayList<>();
    LedgerSinkWriter sink =
        new LedgerSinkWriter(
            batch -> {
              batches.add(batch);
              return new WriteResult(batch.size(), 0, 0);
            },
            UnregisteredMetricsGroup.createSinkWriterMetricGroup(),
            () -> closed.add("connections"));
    sink.write(ENTRY, null);
    sink.close();
    sink.flush(true);
    assertThat(closed).containsExactly("connections");
    assertThat(batches).as("nothing after close: a restart replays from the checkpoint").isEmpty();
  }

  @Test
  void entriesAreCopiedSoObjectReuseCannotChangeThem() throws Exception {
    LedgerSinkWriter sink = writer();
    JournalEntry reused = JournalEntry.newBuilder(ENTRY).build();
    sink.write(reused, null);
    reused.setSourceId("changed after write");
    sink.flush(true);
    assertThat(batches.get(0).get(0).getSourceId()).isEqualTo(ENTRY.getSourceId());
  }

  @Test
  void closeDropsWhatNoCheckpointCoveredAndFailuresSurfaceAsIoErrors() throws Exception {
    LedgerSinkWriter sink = writer();
    sink.write(ENTRY, null);
    sink.close();
    sink.flush(true);
    assertThat(batches).isEmpty();

    LedgerSinkWriter failing =
        new LedgerSinkWriter(
            batch -> {
              throw new DataAccessException("database down");
            },
            UnregisteredMetricsGroup.createSinkWriterMetricGroup());
    failing.write(ENTRY, null);
    assertThatThrownBy(() -> failing.flush(false)).isInstanceOf(IOException.class);
  }

  /** Records the counters the writer registers, by name. */
  private static final class CountingMetricGroup extends UnregisteredMetricsGroup
      implements SinkWriterMetricGroup {

    private final Map<String, Counter> counters = new HashMap<>();
    private final Counter sent = new SimpleCounter();

    @Override
    public Counter counter(String name) {
      return counters.computeIfAbsent(name, n -> new SimpleCounter());
    }

    long count(String name) {
      return counters.get(name).getCount();
    }

    /** Sub-groups share this group's counters, so a test reads them by name alone. */
    @Override
    public org.apache.flink.metrics.MetricGroup addGroup(String name) {
      return this;
    }

    @Override
    public OperatorIOMetricGroup getIOMetricGroup() {
      return UnregisteredMetricsGroup.createOperatorIOMetricGroup();
    }

    @Override
    public Counter getNumRecordsOutErrorsCounter() {
      return new SimpleCounter();
    }

    @Override
    public Counter getNumRecordsSendErrorsCounter() {
      return new SimpleCounter();
    }

    @Override
    public Counter getNumRecordsSendCounter() {
      return sent;
    }

    @Override
    public Counter getNumBytesSendCounter() {
      return new SimpleCounter();
    }

    @Override
    public void setCurrentSendTimeGauge(Gauge<Long> gauge) {}
  }

  @Test
  void reversalOutcomesAreCountedLikeTheOtherEntries() throws Exception {
    CountingMetricGroup metrics = new CountingMetricGroup();
    LedgerSinkWriter sink =
        new LedgerSinkWriter(batch -> new WriteResult(3, 4, 9, 1, 2, 3), metrics);
    sink.write(ENTRY, null);
    sink.flush(false);
    sink.write(ENTRY, null);
    sink.flush(true);
    assertThat(metrics.sent.getCount()).isEqualTo(6);
    assertThat(metrics.count("ledgerEntriesSkipped")).isEqualTo(8);
    assertThat(metrics.count(LedgerSinkWriter.MATCHES_REVERSED)).isEqualTo(2);
    assertThat(metrics.count(LedgerSinkWriter.REVERSALS_NOTHING_TO_REVERSE)).isEqualTo(4);
    assertThat(metrics.count(LedgerSinkWriter.REVERSALS_ALREADY_REVERSED)).isEqualTo(6);
  }

  @Test
  void batchWritesAreTimedAndTheirEntriesAndPostingsCounted() throws Exception {
    CountingMetricGroup metrics = new CountingMetricGroup();
    LedgerSinkWriter sink = new LedgerSinkWriter(batch -> new WriteResult(2, 0, 5), metrics);
    sink.flush(false);
    assertThat(metrics.count("ledgerWriteBatches")).isZero();
    sink.write(ENTRY, null);
    sink.flush(false);
    sink.write(ENTRY, null);
    sink.flush(true);
    assertThat(metrics.count("ledgerWriteBatches")).isEqualTo(2);
    assertThat(metrics.count("ledgerEntriesWritten")).isEqualTo(4);
    assertThat(metrics.count("ledgerPostingsWritten")).isEqualTo(10);
    assertThat(metrics.count("ledgerWriteMillis")).isGreaterThanOrEqualTo(0);
  }
}
