package dev.recon.ledger.backup;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Takes the ledger's check figures on a connection, in whatever transaction it is in: all tenants
 * for a role that sees them all (backup and restore, as the owner), or one tenant under row-level
 * security (verification, as the application role).
 *
 * <p>The digests hash one line per row in key order, each field as its length, a colon and its text
 * ({@code -} for null), so no value can imitate a field boundary. Timestamps enter as microseconds
 * since the epoch, and keys are ordered by their bytes ({@code COLLATE "C"}): the same rows give
 * the same digest on any server, whatever its time zone or collation.
 */
final class CheckFigures {

  private static final int FETCH_ROWS = 10_000;
  private static final String C = " collate \"C\"";

  private static final String ENTRIES =
      "select tenant_id, entry_id, (extract(epoch from booked_at) * 1000000)::bigint,"
          + " source_kind, source_id, description, reverses_source_id,"
          + " (extract(epoch from created_at) * 1000000)::bigint"
          + " from ledger.journal_entries %s order by tenant_id"
          + C
          + ", entry_id"
          + C
          + ", booked_at";

  private static final String POSTINGS =
      "select tenant_id, entry_id, (extract(epoch from booked_at) * 1000000)::bigint, line_no,"
          + " account, debit_minor, credit_minor, currency"
          + " from ledger.postings %s order by tenant_id"
          + C
          + ", entry_id"
          + C
          + ", booked_at, line_no";

  private static final String TRIAL_BALANCE =
      "select tenant_id, account, currency, sum(debit_minor), sum(credit_minor)"
          + " from ledger.postings %s group by tenant_id, account, currency";

  private static final String ACCOUNTS =
      "select tenant_id, count(*) from ledger.accounts %s group by tenant_id";

  private CheckFigures() {}

  /** Every tenant's figures: the connection must see every row (owner bypassing row security). */
  static LedgerFigures all(Connection c, String snapshotAt) throws SQLException {
    Map<String, Accumulator> tenants = new TreeMap<>();
    read(c, "", null, tenants);
    long entries = 0;
    long postings = 0;
    List<TenantFigures> figures = new ArrayList<>();
    for (Accumulator a : tenants.values()) {
      TenantFigures f = a.figures();
      entries += f.entries();
      postings += f.postings();
      figures.add(f);
    }
    return new LedgerFigures(snapshotAt, entries, postings, figures);
  }

  /** One tenant's figures as far as the connection sees them. */
  static TenantFigures tenant(Connection c, String tenantId) throws SQLException {
    Map<String, Accumulator> tenants = new TreeMap<>();
    read(c, "where tenant_id = ?", tenantId, tenants);
    Accumulator a = tenants.get(tenantId);
    return (a == null ? new Accumulator(tenantId) : a).figures();
  }

  private static void read(
      Connection c, String where, String tenantId, Map<String, Accumulator> tenants)
      throws SQLException {
    try (ResultSet rs = query(c, ACCOUNTS, where, tenantId)) {
      while (rs.next()) {
        of(tenants, rs.getString(1)).accounts = rs.getLong(2);
      }
    }
    try (ResultSet rs = query(c, ENTRIES, where, tenantId)) {
      while (rs.next()) {
        Accumulator a = of(tenants, rs.getString(1));
        a.entries++;
        line(a.entriesDigest, rs, 8);
      }
    }
    try (ResultSet rs = query(c, POSTINGS, where, tenantId)) {
      while (rs.next()) {
        Accumulator a = of(tenants, rs.getString(1));
        a.postings++;
        line(a.postingsDigest, rs, 8);
      }
    }
    try (ResultSet rs = query(c, TRIAL_BALANCE, where, tenantId)) {
      while (rs.next()) {
        of(tenants, rs.getString(1))
            .trialBalance
            .add(
                new BalanceLine(
                    rs.getString(2),
                    rs.getString(3),
                    rs.getBigDecimal(4).longValueExact(),
                    rs.getBigDecimal(5).longValueExact()));
      }
    }
  }

  private static ResultSet query(Connection c, String sql, String where, String tenantId)
      throws SQLException {
    PreparedStatement s = c.prepareStatement(String.format(java.util.Locale.ROOT, sql, where));
    s.closeOnCompletion();
    s.setFetchSize(FETCH_ROWS);
    if (tenantId != null) {
      s.setString(1, tenantId);
    }
    return s.executeQuery();
  }

  private static void line(MessageDigest digest, ResultSet rs, int columns) throws SQLException {
    StringBuilder line = new StringBuilder(160);
    for (int i = 1; i <= columns; i++) {
      Object value = rs.getObject(i);
      if (value == null) {
        line.append('-');
      } else {
        String text = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
        line.append(text.length()).append(':').append(text);
      }
      line.append(i == columns ? '\n' : ',');
    }
    digest.update(line.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static Accumulator of(Map<String, Accumulator> tenants, String tenantId) {
    return tenants.computeIfAbsent(tenantId, Accumulator::new);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static final class Accumulator {
    final String tenantId;
    final MessageDigest entriesDigest = sha256();
    final MessageDigest postingsDigest = sha256();
    final List<BalanceLine> trialBalance = new ArrayList<>();
    long accounts;
    long entries;
    long postings;

    Accumulator(String tenantId) {
      this.tenantId = tenantId;
    }

    TenantFigures figures() {
      trialBalance.sort(
          Comparator.comparing(BalanceLine::account).thenComparing(BalanceLine::currency));
      HexFormat hex = HexFormat.of();
      return new TenantFigures(
          tenantId,
          accounts,
          entries,
          postings,
          hex.formatHex(entriesDigest.digest()),
          hex.formatHex(postingsDigest.digest()),
          trialBalance);
    }
  }
}
