package dev.recon.ledger.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.ledger.db.WriteResult;
import dev.recon.ledger.posting.AdyenLikeCycle;
import dev.recon.schemas.JournalEntry;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
}
