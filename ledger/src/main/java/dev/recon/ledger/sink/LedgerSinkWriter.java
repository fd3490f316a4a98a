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

  private final Function<List<JournalEntry>, WriteResult> writer;
  private final List<JournalEntry> buffer = new ArrayList<>();
  private final Counter entriesWritten;
  private final Counter entriesSkipped;

  /**
   * @param writer writes a batch to the ledger: {@link dev.recon.ledger.db.LedgerWriter#write} in
   *     production
   */
  LedgerSinkWriter(
      Function<List<JournalEntry>, WriteResult> writer, SinkWriterMetricGroup metrics) {
    this.writer = writer;
    this.entriesWritten = metrics.getNumRecordsSendCounter();
    this.entriesSkipped = metrics.counter("ledgerEntriesSkipped");
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
  }

  private void writeBuffer() throws IOException {
    if (buffer.isEmpty()) {
      return;
    }
    WriteResult result;
    try {
      result = writer.apply(List.copyOf(buffer));
    } catch (DataAccessException e) {
      throw new IOException("ledger write of " + buffer.size() + " entries failed", e);
    }
    entriesWritten.inc(result.entriesInserted());
    entriesSkipped.inc(result.entriesSkipped());
    LOG.debug(
        "ledger write: {} entries inserted, {} skipped, {} postings",
        result.entriesInserted(),
        result.entriesSkipped(),
        result.postingsInserted());
    buffer.clear();
  }
}
