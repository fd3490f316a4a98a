package dev.recon.ledger.sink;

import dev.recon.ledger.db.WriteResult;
import dev.recon.schemas.JournalEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Buffers journal entries and writes them in batches; see {@link LedgerSink}. */
final class LedgerSinkWriter implements SinkWriter<JournalEntry> {

  private static final Logger LOG = LoggerFactory.getLogger(LedgerSinkWriter.class);

  /** Unmatches booked as the mirror of the undone match's entries. */
  static final String MATCHES_REVERSED = "ledgerMatchesReversed";

  /** Unmatches of a match the ledger holds no entries of: nothing booked. */
  static final String REVERSALS_NOTHING_TO_REVERSE = "ledgerReversalsNothingToReverse";

  /** Unmatches of a match already reversed (a replay, or a second unmatch): nothing booked. */
  static final String REVERSALS_ALREADY_REVERSED = "ledgerReversalsAlreadyReversed";

  private final Function<List<JournalEntry>, WriteResult> writer;
  private final AutoCloseable connections;
  private final List<JournalEntry> buffer = new ArrayList<>();
  private final Counter entriesWritten;
  private final Counter entriesSkipped;
  private final Counter matchesReversed;
  private final Counter nothingToReverse;
  private final Counter alreadyReversed;
  private final WriteLatency latency;

  /**
   * @param writer writes a batch to the ledger: {@link dev.recon.ledger.db.LedgerWriter#write} in
   *     production
   */
  LedgerSinkWriter(
      Function<List<JournalEntry>, WriteResult> writer, SinkWriterMetricGroup metrics) {
    this(writer, metrics, () -> {});
  }

  /**
   * @param connections closed with the writer: the connections the writer holds open
   */
  LedgerSinkWriter(
      Function<List<JournalEntry>, WriteResult> writer,
      SinkWriterMetricGroup metrics,
      AutoCloseable connections) {
    this.writer = writer;
    this.connections = connections;
    this.entriesWritten = metrics.getNumRecordsSendCounter();
    this.entriesSkipped = metrics.counter("ledgerEntriesSkipped");
    this.matchesReversed = metrics.counter(MATCHES_REVERSED);
    this.nothingToReverse = metrics.counter(REVERSALS_NOTHING_TO_REVERSE);
    this.alreadyReversed = metrics.counter(REVERSALS_ALREADY_REVERSED);
    this.latency = new WriteLatency(metrics);
  }

  @Override
  public void write(JournalEntry entry, Context context) throws IOException {
    // A copy: with object reuse enabled upstream, the instance may change after this call.
    buffer.add(JournalEntry.newBuilder(entry).build());
    if (buffer.size() >= LedgerSink.MAX_BUFFERED_ENTRIES) {
      writeBuffer();
    }
  }

  @Override
  public void flush(boolean endOfInput) throws IOException {
    writeBuffer();
  }

  @Override
  public void close() {
    // Unflushed entries are dropped on purpose: they were not covered by a checkpoint and will be
    // replayed from the last one.
    buffer.clear();
    try {
      connections.close();
    } catch (Exception e) {
      LOG.warn("closing the ledger writer's connections failed", e);
    }
  }

  private void writeBuffer() throws IOException {
    if (buffer.isEmpty()) {
      return;
    }
    WriteResult result;
    long started = System.nanoTime();
    try {
      result = writer.apply(List.copyOf(buffer));
      latency.record(System.nanoTime() - started, result);
    } catch (DataAccessException e) {
      throw new IOException("ledger write of " + buffer.size() + " entries failed", e);
    }
    entriesWritten.inc(result.entriesInserted());
    entriesSkipped.inc(result.entriesSkipped());
    matchesReversed.inc(result.reversed());
    nothingToReverse.inc(result.nothingToReverse());
    alreadyReversed.inc(result.alreadyReversed());
    if (result.nothingToReverse() > 0) {
      // Expected for a match that booked nothing; otherwise the unmatch overtook its match.
      LOG.warn(
          "{} approved unmatch(es) found no entries of the undone match in the ledger and booked"
              + " nothing",
          result.nothingToReverse());
    }
    LOG.debug(
        "ledger write: {} entries inserted, {} skipped, {} postings; reversals: {} booked,"
            + " {} with nothing to reverse, {} already reversed",
        result.entriesInserted(),
        result.entriesSkipped(),
        result.postingsInserted(),
        result.reversed(),
        result.nothingToReverse(),
        result.alreadyReversed());
    buffer.clear();
  }
}
