package dev.recon.reporting.monthend;

import dev.recon.ledger.chart.ChartOfAccounts;
import dev.recon.ledger.db.LedgerQueries;
import dev.recon.ledger.db.RowLevelSecurity;
import dev.recon.ledger.db.TrialBalanceLine;
import dev.recon.ledger.posting.JournalEntryInvariants;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Reads a month-end pack's ledger figures, as the application role with the tenant set on the
 * connection ({@code app.tenant_id}, local to the transaction): row-level security decides what is
 * seen, the queries never name the tenant. Open items come from an {@link OpenItems} source.
 * Thread-safe.
 */
public final class MonthEndPackQueries {

  private static final String WRITE_OFFS =
      "select p.entry_id, p.booked_at, e.source_id, e.description,"
          + " (select string_agg(distinct o.account, ',' order by o.account)"
          + "    from ledger.postings o"
          + "   where o.tenant_id = p.tenant_id and o.entry_id = p.entry_id"
          + "     and o.booked_at = p.booked_at and o.account <> p.account) as counter_accounts,"
          + " p.debit_minor - p.credit_minor as amount_minor, p.currency"
          + " from ledger.postings p"
          + " join ledger.journal_entries e"
          + "   on e.tenant_id = p.tenant_id and e.entry_id = p.entry_id"
          + "  and e.booked_at = p.booked_at"
          + " where p.account = ? and p.booked_at >= ? and p.booked_at < ?"
          + " order by p.booked_at, p.entry_id, p.line_no"
          + " limit ?";

  /**
   * A fee posting belongs to the PSP whose receivable its entry also moves; an entry that names no
   * PSP receivable, or several, leaves the PSP empty rather than guessing.
   */
  private static final String FEES =
      "with fee as ("
          + "  select p.tenant_id, p.entry_id, p.booked_at, p.currency, p.debit_minor,"
          + "         p.credit_minor"
          + "    from ledger.postings p"
          + "   where p.account = ? and p.booked_at >= ? and p.booked_at < ?),"
          + " psp as ("
          + "  select r.tenant_id, r.entry_id, r.booked_at,"
          + "         min(substr(r.account, ?)) as psp, count(distinct r.account) as accounts"
          + "    from ledger.postings r"
          + "   where r.account like ? and r.booked_at >= ? and r.booked_at < ?"
          + "   group by r.tenant_id, r.entry_id, r.booked_at)"
          + " select case when psp.accounts = 1 then psp.psp else '' end as psp, fee.currency,"
          + "        count(*) as postings, sum(fee.debit_minor) as charged,"
          + "        sum(fee.credit_minor) as refunded"
          + "   from fee left join psp"
          + "     on psp.tenant_id = fee.tenant_id and psp.entry_id = fee.entry_id"
          + "    and psp.booked_at = fee.booked_at"
          + "  group by 1, 2 order by 1, 2";

  private final DataSource appDataSource;
  private final LedgerQueries ledger;

  /**
   * @param appDataSource connects as a login of the application role
   */
  public MonthEndPackQueries(DataSource appDataSource) {
    this.appDataSource = Objects.requireNonNull(appDataSource, "appDataSource");
    this.ledger = new LedgerQueries(appDataSource);
  }

  /** The pack of one tenant and month, open items read from {@code openItems}. */
  public MonthEndPack pack(String tenant, YearMonth month, OpenItems openItems) {
    List<OpenItem> open =
        openItems.openAt(tenant, MonthEndPack.end(month), MonthEndPack.MAX_ROWS + 1);
    List<WriteOff> writeOffs = writeOffs(tenant, month, MonthEndPack.MAX_ROWS + 1);
    return MonthEndPack.of(
        tenant,
        month,
        trialBalanceAtMonthEnd(tenant, month),
        open.subList(0, Math.min(open.size(), MonthEndPack.MAX_ROWS)),
        open.size() > MonthEndPack.MAX_ROWS,
        writeOffs.subList(0, Math.min(writeOffs.size(), MonthEndPack.MAX_ROWS)),
        writeOffs.size() > MonthEndPack.MAX_ROWS,
        fees(tenant, month));
  }

  /** Per account and currency, everything booked up to the end of the month's last UTC day. */
  public List<TrialBalanceLine> trialBalanceAtMonthEnd(String tenant, YearMonth month) {
    return ledger.trialBalanceAtEndOfDay(tenant, month.atEndOfMonth());
  }

  /** The month's postings to write_offs, by booking time, at most {@code limit}. */
  public List<WriteOff> writeOffs(String tenant, YearMonth month, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative");
    }
    return inTenant(
        tenant,
        c -> {
          try (PreparedStatement s = c.prepareStatement(WRITE_OFFS)) {
            s.setString(1, ChartOfAccounts.WRITE_OFFS);
            s.setTimestamp(2, Timestamp.from(MonthEndPack.start(month)));
            s.setTimestamp(3, Timestamp.from(MonthEndPack.end(month)));
            s.setInt(4, limit);
            List<WriteOff> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                rows.add(
                    new WriteOff(
                        r.getString(1),
                        r.getTimestamp(2).toInstant(),
                        r.getString(3),
                        r.getString(4),
                        r.getString(5),
                        r.getLong(6),
                        r.getString(7)));
              }
            }
            return rows;
          }
        });
  }

  /** The month's postings to psp_fees, summed per PSP and currency. */
  public List<FeeTotal> fees(String tenant, YearMonth month) {
    String receivablePrefix = ChartOfAccounts.PSP_RECEIVABLE + ":";
    Timestamp start = Timestamp.from(MonthEndPack.start(month));
    Timestamp end = Timestamp.from(MonthEndPack.end(month));
    return inTenant(
        tenant,
        c -> {
          try (PreparedStatement s = c.prepareStatement(FEES)) {
            s.setString(1, ChartOfAccounts.PSP_FEES);
            s.setTimestamp(2, start);
            s.setTimestamp(3, end);
            s.setInt(4, receivablePrefix.length() + 1);
            s.setString(5, receivablePrefix.replace("_", "\\_") + "%");
            s.setTimestamp(6, start);
            s.setTimestamp(7, end);
            List<FeeTotal> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                rows.add(
                    new FeeTotal(
                        r.getString(1),
                        r.getString(2),
                        r.getLong(3),
                        r.getBigDecimal(4).longValueExact(),
                        r.getBigDecimal(5).longValueExact()));
              }
            }
            return rows;
          }
        });
  }

  @FunctionalInterface
  private interface Work<T> {
    T apply(Connection connection) throws SQLException;
  }

  private <T> T inTenant(String tenant, Work<T> work) {
    if (!JournalEntryInvariants.isTenantId(tenant)) {
      throw new IllegalArgumentException(
          "tenant id must match " + JournalEntryInvariants.TENANT_ID.pattern());
    }
    try (Connection c = appDataSource.getConnection()) {
      c.setAutoCommit(false);
      c.setReadOnly(true);
      try {
        RowLevelSecurity.requireApplies(c, "the ledger");
        RowLevelSecurity.enterTenant(c, tenant);
        T result = work.apply(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading the ledger failed: " + e.getMessage(), e);
    }
  }
}
