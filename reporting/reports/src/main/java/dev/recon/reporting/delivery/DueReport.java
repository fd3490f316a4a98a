package dev.recon.reporting.delivery;

import java.time.Instant;
import java.util.Objects;

/**
 * A report a schedule asks for now.
 *
 * @param firesAt the cron time this run stands for
 * @param period what it covers, as its storage folder names it: "2026-01-31" for a day, "2026-01"
 *     for a month
 * @param periodStart the first instant of the period in the schedule's zone
 * @param periodEnd the first instant after it: the report is as of here
 */
public record DueReport(
    ScheduledReport schedule,
    Instant firesAt,
    String period,
    Instant periodStart,
    Instant periodEnd) {

  public DueReport {
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(firesAt, "firesAt");
    Objects.requireNonNull(period, "period");
    if (!periodStart.isBefore(periodEnd)) {
      throw new IllegalArgumentException("period must start before it ends");
    }
  }
}
