package dev.recon.reporting.web;

import dev.recon.ledger.db.JournalLine;
import dev.recon.ledger.db.RowLevelSecurity;
import dev.recon.ledger.posting.JournalEntryInvariants;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Journal search by source id, account and booking dates, paged, newest first. Runs in a
 * transaction of the tenant (row-level security decides what is seen), like the ledger's own
 * queries; LedgerQueries has no such search yet.
 */
final class JournalSearch {

  private final DataSource app;

  JournalSearch(DataSource appDataSource) {
    this.app = appDataSource;
  }

  JournalPage search(String tenantId, JournalQuery q) {
    if (!JournalEntryInvariants.isTenantId(tenantId)) {
      throw new IllegalArgumentException("bad tenant id");
    }
    StringBuilder sql =
        new StringBuilder(
            "select e.entry_id, e.booked_at, p.account, p.debit_minor, p.credit_minor, p.currency,"
                + " e.source_kind, e.source_id from ledger.journal_entries e join ledger.postings p"
                + " on p.tenant_id = e.tenant_id and p.entry_id = e.entry_id"
                + " and p.booked_at = e.booked_at where true");
    List<Object> args = new ArrayList<>();
    if (q.sourceId() != null) {
      sql.append(" and e.source_id = ?");
      args.add(q.sourceId());
    }
    if (q.account() != null) {
      // whole entries that touch the account, so both sides of each entry are shown
      sql.append(
          " and exists (select 1 from ledger.postings a where a.tenant_id = e.tenant_id"
              + " and a.entry_id = e.entry_id and a.booked_at = e.booked_at and a.account = ?)");
      args.add(q.account());
    }
    if (q.from() != null) {
      sql.append(" and e.booked_at >= ?");
      args.add(Timestamp.from(q.from().atStartOfDay(ZoneOffset.UTC).toInstant()));
    }
    if (q.to() != null) {
      sql.append(" and e.booked_at < ?");
      args.add(Timestamp.from(q.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    }
    sql.append(" order by e.booked_at desc, e.entry_id, p.line_no limit ? offset ?");
    args.add(JournalQuery.PAGE_SIZE + 1);
    args.add(q.page() * JournalQuery.PAGE_SIZE);
    try (Connection c = app.getConnection()) {
      c.setAutoCommit(false);
      try {
        RowLevelSecurity.enterTenant(c, tenantId);
        List<JournalLine> lines = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
          for (int i = 0; i < args.size(); i++) {
            s.setObject(i + 1, args.get(i));
          }
          try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              lines.add(
                  new JournalLine(
                      rs.getString(1),
                      rs.getTimestamp(2).toInstant(),
                      rs.getString(3),
                      rs.getLong(4),
                      rs.getLong(5),
                      rs.getString(6),
                      rs.getString(7),
                      rs.getString(8)));
            }
          }
        }
        c.commit();
        boolean more = lines.size() > JournalQuery.PAGE_SIZE;
        return new JournalPage(
            more ? lines.subList(0, JournalQuery.PAGE_SIZE) : lines, q.page(), more);
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("journal search failed: " + e.getMessage(), e);
    }
  }
}
