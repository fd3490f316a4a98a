package dev.recon.app.observability;

import dev.recon.reporting.casework.TenantTransactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a tenant's open breaks per reason and currency from the casework store, as the application
 * role with the tenant set on the transaction: row-level security applies, so a tenant's figures
 * can only ever contain its own rows. Deliberately not an owner-side read across all tenants (which
 * row-level security forces on the owner too, and which would need a role that bypasses it): the
 * gauges ask tenant by tenant for the tenants the process knows (see {@link KnownTenants}).
 */
public final class OpenBreakReader {
  private static final Logger LOG = LoggerFactory.getLogger(OpenBreakReader.class);

  /**
   * Reason x currency rows one tenant's read may return; beyond that the tenant is cut off at a
   * reason boundary (see {@link #wholeReasons}).
   */
  static final int MAX_ROWS_PER_TENANT = 1_000;

  // the same figures as the dashboard's open breaks by reason (Dashboard#byReason)
  private static final String SQL =
      "select reason, currency, count(*), sum(amount_at_risk_minor) from casework.exceptions"
          + " where tenant_id = ? and state = 'OPEN' group by 1, 2 order by 1, 2 limit ?";

  private final TenantTransactions transactions;

  /**
   * @param appDataSource a login of the application role (refused if it bypasses row-level
   *     security)
   */
  public OpenBreakReader(DataSource appDataSource) {
    this.transactions = new TenantTransactions(appDataSource);
  }

  public List<OpenBreakFigure> openBreaks(String tenant) {
    return transactions.inTenant(
        tenant,
        c -> {
          List<OpenBreakFigure> rows = new ArrayList<>();
          try (PreparedStatement s = c.prepareStatement(SQL)) {
            s.setString(1, tenant);
            s.setInt(2, MAX_ROWS_PER_TENANT + 1);
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                rows.add(
                    new OpenBreakFigure(
                        tenant, rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
              }
            }
          }
          return wholeReasons(rows, MAX_ROWS_PER_TENANT);
        });
  }

  /**
   * Rows ordered by reason, at most {@code max}: when there were more, the last reason may be
   * incomplete, so all its rows go, and no reason's count covers only some of its currencies.
   */
  static List<OpenBreakFigure> wholeReasons(List<OpenBreakFigure> rows, int max) {
    if (rows.size() <= max) {
      return rows;
    }
    List<OpenBreakFigure> kept = new ArrayList<>(rows.subList(0, max));
    String cut = rows.get(max).reason();
    kept.removeIf(f -> f.reason().equals(cut));
    LOG.warn(
        "tenant {} has over {} open reason x currency combinations; reasons from {} on are left out",
        rows.get(0).tenant(),
        max,
        cut);
    return kept;
  }
}
