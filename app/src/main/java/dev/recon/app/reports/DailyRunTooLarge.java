package dev.recon.app.reports;

/**
 * A day with more rows in one section than {@link CaseworkDailyRuns} reads: its daily report is not
 * rendered rather than rendered with a section cut short, since the report's totals, match rate and
 * trial balance would then be wrong without saying so. The message names tenant, period, section
 * and limit, never data.
 */
public final class DailyRunTooLarge extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final String section;
  private final int limit;

  public DailyRunTooLarge(String tenant, String period, String section, int limit) {
    super(
        "the daily report of tenant "
            + tenant
            + " for "
            + period
            + " is not rendered: it has more than "
            + limit
            + " "
            + section
            + " (use recon export for days of this size)");
    this.section = section;
    this.limit = limit;
  }

  /** The section over its limit: matches, match members, exceptions, ... */
  public String section() {
    return section;
  }

  public int limit() {
    return limit;
  }
}
