package dev.recon.ledger.db;

import dev.recon.ledger.posting.CorrelationIds;
import dev.recon.schemas.JournalEntry;
import dev.recon.schemas.Posting;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * The bulk half of a tenant's write: entries and postings are streamed with COPY into temporary
 * staging tables of the transaction, then appended to the ledger by two set-based statements: all
 * entries, then all their postings in one statement (the database requires an entry's postings to
 * arrive together). When entries may already be present, the first statement skips them (ON
 * CONFLICT DO NOTHING) and the second takes only the postings of the entries it did insert.
 *
 * <p>Why staging: PostgreSQL refuses COPY FROM into a table with row-level security, and the
 * ledger's tables force it. The INSERT ... SELECT goes through the policies, the constraints and
 * the triggers like any other insert, so the database still enforces every invariant.
 *
 * <p>Runs on the caller's connection, inside the tenant transaction ({@code app.tenant_id} set).
 */
final class StagedAppend {

  /** Bytes buffered before a COPY chunk is sent to the server. */
  static final int COPY_BUFFER_BYTES = 1 << 16;

  /** Above this many staged postings a partial replay analyses them so its join plans sensibly. */
  static final int ANALYZE_THRESHOLD_ROWS = 5_000;

  private static final String STAGE_ENTRIES = "pg_temp.ledger_stage_entries";
  private static final String STAGE_POSTINGS = "pg_temp.ledger_stage_postings";

  private StagedAppend() {}

  /** Entries and postings appended: the rows the two INSERT statements reported. */
  record Appended(int entries, int postings) {}

  /** The SQLSTATE of a unique violation: the plain append met an entry already in the ledger. */
  static final String UNIQUE_VIOLATION = "23505";

  /**
   * @param entries the tenant's entries, distinct by id, in id order (the global lock order)
   * @param skipExisting false: a plain INSERT of the entries, which fails with {@value
   *     #UNIQUE_VIOLATION} if one is already in the ledger (the cheap path for new entries); true:
   *     entries already in the ledger are skipped with their postings (for replays)
   */
  static Appended append(
      Connection c, String tenantId, Collection<JournalEntry> entries, boolean skipExisting)
      throws SQLException {
    try (Statement s = c.createStatement()) {
      // ON COMMIT DROP: nothing outlives the transaction, and a pooled connection starts clean.
      s.execute(
          "create temp table ledger_stage_entries (entry_id varchar(64) not null,"
              + " booked_at timestamptz not null, source_kind varchar(32) not null,"
              + " source_id varchar(256) not null, description varchar(1000),"
              + " correlation_ids varchar(1200), ord integer not null)"
              + " on commit drop");
      s.execute(
          "create temp table ledger_stage_postings (entry_id varchar(64) not null,"
              + " booked_at timestamptz not null, line_no integer not null,"
              + " account varchar(200) not null, debit_minor bigint not null,"
              + " credit_minor bigint not null, currency char(3) not null) on commit drop");
    }
    PGConnection pg = c.unwrap(PGConnection.class);
    int postingRows = copy(pg, entries);
    int insertedEntries;
    try (var s =
        c.prepareStatement(
            "insert into ledger.journal_entries"
                + " (tenant_id, entry_id, booked_at, source_kind, source_id, description,"
                + " correlation_ids)"
                + " select ?, entry_id, booked_at, source_kind, source_id, description,"
                + " correlation_ids from "
                + STAGE_ENTRIES
                + " order by ord"
                + (skipExisting ? " on conflict do nothing" : ""))) {
      s.setString(1, tenantId);
      insertedEntries = s.executeUpdate();
    }
    if (insertedEntries == 0) {
      return new Appended(0, 0);
    }
    if (insertedEntries == entries.size()) {
      // The usual case, nothing replayed: every staged posting belongs to a new entry.
      return new Appended(insertedEntries, insertPostings(c, tenantId, ""));
    }
    // A partial replay: only the postings of the entries this transaction wrote. The look-up is by
    // primary key; without statistics on a young partition the planner could choose otherwise.
    try (Statement s = c.createStatement()) {
      s.execute("set local enable_seqscan = off");
      s.execute("set local enable_hashjoin = off");
      s.execute("set local enable_mergejoin = off");
      if (postingRows > ANALYZE_THRESHOLD_ROWS) {
        s.execute("analyze " + STAGE_POSTINGS);
      }
    }
    return new Appended(
        insertedEntries,
        insertPostings(
            c,
            tenantId,
            " where exists (select 1 from ledger.journal_entries e where e.tenant_id = ?"
                + " and e.entry_id = p.entry_id and e.booked_at = p.booked_at"
                + " and e.xmin = xid(pg_current_xact_id()))"));
  }

  private static int insertPostings(Connection c, String tenantId, String filter)
      throws SQLException {
    try (var s =
        c.prepareStatement(
            "insert into ledger.postings (tenant_id, entry_id, booked_at, line_no, account,"
                + " debit_minor, credit_minor, currency)"
                + " select ?, p.entry_id, p.booked_at, p.line_no, p.account, p.debit_minor,"
                + " p.credit_minor, p.currency from "
                + STAGE_POSTINGS
                + " p"
                + filter)) {
      s.setString(1, tenantId);
      if (!filter.isEmpty()) {
        s.setString(2, tenantId);
      }
      return s.executeUpdate();
    }
  }

  /** Streams entries, then postings; returns the number of posting rows staged. */
  private static int copy(PGConnection pg, Collection<JournalEntry> entries) throws SQLException {
    try {
      try (Writer w = copyWriter(pg, STAGE_ENTRIES)) {
        CopyText row = new CopyText(w);
        int ord = 0;
        for (JournalEntry e : entries) {
          row.text(e.getEntryId())
              .instant(e.getBookedAt())
              .text(e.getSourceKind())
              .text(e.getSourceId())
              .text(e.getDescription())
              .text(CorrelationIds.toColumn(e.getCorrelationIds()))
              .number(ord++)
              .endRow();
        }
      }
      int postings = 0;
      try (Writer w = copyWriter(pg, STAGE_POSTINGS)) {
        CopyText row = new CopyText(w);
        for (JournalEntry e : entries) {
          int lineNo = 0;
          for (Posting p : e.getPostings()) {
            row.text(e.getEntryId())
                .instant(e.getBookedAt())
                .number(++lineNo)
                .text(p.getAccount())
                .number(p.getDebitMinor())
                .number(p.getCreditMinor())
                .text(p.getCurrency())
                .endRow();
            postings++;
          }
        }
      }
      return postings;
    } catch (IOException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      throw new UncheckedIOException("COPY into the ledger's staging tables failed", e);
    }
  }

  private static Writer copyWriter(PGConnection pg, String table) throws SQLException {
    PGCopyOutputStream stream =
        new PGCopyOutputStream(pg, "copy " + table + " from stdin", COPY_BUFFER_BYTES);
    return new BufferedWriter(
        new OutputStreamWriter(stream, StandardCharsets.UTF_8), COPY_BUFFER_BYTES);
  }
}
