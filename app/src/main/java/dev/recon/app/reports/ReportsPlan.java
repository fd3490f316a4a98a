package dev.recon.app.reports;

import dev.recon.reporting.delivery.ScheduledReport;
import java.util.List;
import java.util.Optional;

/**
 * What the {@code reports} and {@code exports} sections of the config file ask {@code recon run} to
 * produce on schedule.
 *
 * @param destination where reports are stored; present whenever reports are
 * @param smtp the mail server; present whenever a report names recipients
 */
public record ReportsPlan(
    List<ScheduledReport> reports,
    Optional<StorageLocation> destination,
    Optional<SmtpPlan> smtp,
    Optional<ExportPlan> exports) {

  public ReportsPlan {
    reports = List.copyOf(reports);
    if (!reports.isEmpty() && destination.isEmpty()) {
      throw new IllegalArgumentException("scheduled reports need a destination");
    }
  }

  public static ReportsPlan none() {
    return new ReportsPlan(List.of(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  public boolean isEmpty() {
    return reports.isEmpty() && exports.isEmpty();
  }
}
