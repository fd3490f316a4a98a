package dev.recon.app.observability;

import dev.recon.reporting.casework.dashboard.Dashboard;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads a tenant's open breaks per reason and currency from the casework store, as the application
 * role with the tenant set on the transaction: row-level security applies, so a tenant's figures
 * can only ever contain its own rows. Deliberately not an owner-side read across all tenants (which
 * row-level security forces on the owner too, and which would need a role that bypasses it): the
 * gauges ask tenant by tenant for the tenants the process knows (see {@link KnownTenants}).
 */
public final class OpenBreakReader {
  /**
   * Reason x currency rows one tenant's read may return; beyond that the tenant is cut off at a
   * reason boundary (see {@link #wholeReasons}).
   */
  static final int MAX_ROWS_PER_TENANT = 1_000;

  // the dashboard's own figures, so the gauges and the dashboard cannot disagree
  private final Dashboard dashboard;

  /**
   * @param appDataSource a login of the application role (refused if it bypasses row-level
   *     security)
   */
  public OpenBreakReader(DataSource appDataSource) {
    // the clock only dates the dashboard's periods, which these figures do not have
    this.dashboard = new Dashboard(appDataSource, Clock.systemUTC());
  }

  /** The tenant's open breaks, cut at a reason boundary past {@value #MAX_ROWS_PER_TENANT} rows. */
  public OpenBreakRead openBreaks(String tenant) {
    List<OpenBreakFigure> rows =
        dashboard.openBreaksByReason(tenant, MAX_ROWS_PER_TENANT + 1L).stream()
            .map(
                r ->
                    new OpenBreakFigure(
                        tenant, r.reason(), r.currency(), r.count(), r.amountAtRiskMinor()))
            .toList();
    return wholeReasons(rows, MAX_ROWS_PER_TENANT);
  }

  /**
   * Rows ordered by reason, at most {@code max}: when there were more, the last reason may be
   * incomplete, so all its rows go, and no reason's count covers only some of its currencies; the
   * read is then truncated (the gauges warn and count it, once per tenant).
   */
  static OpenBreakRead wholeReasons(List<OpenBreakFigure> rows, int max) {
    if (rows.size() <= max) {
      return OpenBreakRead.complete(rows);
    }
    List<OpenBreakFigure> kept = new ArrayList<>(rows.subList(0, max));
    String cut = rows.get(max).reason();
    kept.removeIf(f -> f.reason().equals(cut));
    return new OpenBreakRead(kept, true);
  }
}
