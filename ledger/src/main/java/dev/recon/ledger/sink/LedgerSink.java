package dev.recon.ledger.sink;

import dev.recon.ledger.db.HeldConnections;
import dev.recon.ledger.db.LedgerWriter;
import dev.recon.schemas.JournalEntry;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Flink sink appending journal entries to the PostgreSQL ledger. Each writer buffers entries and
 * writes them through {@link LedgerWriter} when Flink flushes (before every checkpoint and at the
 * end of bounded input) or when the buffer reaches {@link #MAX_BUFFERED_ENTRIES}.
 *
 * <p>Exactly once without two-phase commit: entry ids derive from their source, so entries replayed
 * after a restart from a checkpoint are skipped by the database.
 */
public final class LedgerSink implements Sink<JournalEntry> {

  /** Entries a writer holds before it writes them without waiting for the next checkpoint. */
  public static final int MAX_BUFFERED_ENTRIES = 1_000;

  private static final long serialVersionUID = 1L;

  private final LedgerConnectionSpec connection;

  public LedgerSink(LedgerConnectionSpec connection) {
    this.connection = Objects.requireNonNull(connection, "connection");
  }

  @Override
  public SinkWriter<JournalEntry> createWriter(WriterInitContext context) {
    // The writer's tenant transactions reuse a few open connections instead of logging in for each
    // (measured under load: ~100 ms a login), the same path recon bench ledger times.
    HeldConnections connections =
        new HeldConnections(connection.dataSource(), LedgerWriter.TENANT_PARALLELISM);
    LedgerWriter writer = new LedgerWriter(connections);
    return new LedgerSinkWriter(writer::write, context.metricGroup(), connections);
  }

  @Override
  public String toString() {
    return "LedgerSink[" + connection + "]";
  }
}
