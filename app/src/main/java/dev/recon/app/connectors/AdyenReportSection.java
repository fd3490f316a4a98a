package dev.recon.app.connectors;

import dev.recon.app.schedule.ScheduleKeys;
import dev.recon.ingestion.api.adyen.AdyenAuthentication;
import dev.recon.ingestion.api.adyen.AdyenReportConfig;
import dev.recon.ingestion.api.adyen.AdyenReportDownloader;
import dev.recon.ingestion.api.adyen.ReportNamePattern;
import dev.recon.ingestion.schedule.CronSchedule;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * One entry of {@code connectors.adyenReports}: numbered reports (settlement details by batch)
 * downloaded from the batch after the last one taken until the first that does not exist yet.
 *
 * <pre>
 * adyenReports:
 *   - tenant: acme
 *     schedule: "30 6 * * *"
 *     merchantAccount: AcmeShopEU
 *     apiKey: env:ACME_ADYEN_REPORT_KEY          # or username + password references
 *     firstBatch: 5130
 *     report: "settlement_detail_report_batch_{batch}.csv"   # optional
 *     formatHint: adyen-settlement-detail                   # optional
 * </pre>
 */
record AdyenReportSection(
    String tenant,
    String schedule,
    String merchantAccount,
    String apiKey,
    String username,
    String password,
    Long firstBatch,
    String report,
    Integer maxReportsPerPoll,
    String formatHint,
    HttpSection http) {

  static final int DEFAULT_MAX_REPORTS_PER_POLL = 50;

  PlannedPoll toPoll(String file, int index, ZoneId zone, List<String> errors) {
    String where = file + ": connectors.adyenReports[" + index + "]";
    int before = errors.size();
    CronSchedule cron = ScheduleKeys.cron(schedule, zone, where, errors);
    AdyenAuthentication auth = null;
    if (apiKey != null && (username != null || password != null)) {
      errors.add(where + ": give apiKey or username + password, not both");
    } else if (apiKey != null) {
      auth = new AdyenAuthentication.ApiKey(apiKey);
    } else {
      auth = new AdyenAuthentication.Basic(username, password);
    }
    if (firstBatch == null) {
      errors.add(where + ".firstBatch: missing (the first batch number to download)");
    }
    if (errors.size() != before) {
      return null;
    }
    AdyenReportConfig config =
        new AdyenReportConfig(
            tenant,
            HttpSection.toSettings(http, AdyenReportConfig.DEFAULT_BASE_URL),
            merchantAccount,
            Objects.requireNonNullElse(report, ReportNamePattern.SETTLEMENT_DETAIL),
            auth,
            firstBatch,
            Objects.requireNonNullElse(maxReportsPerPoll, DEFAULT_MAX_REPORTS_PER_POLL),
            Objects.requireNonNullElse(formatHint, "adyen-settlement-detail"));
    config.problems().forEach(p -> errors.add(where + ": " + p));
    if (errors.size() != before) {
      return null;
    }
    return new PlannedPoll(
        "api:adyen:" + tenant + ":" + merchantAccount,
        cron,
        PlannedPoll.DEFAULT_LEASE,
        services -> {
          AdyenReportDownloader downloader =
              new AdyenReportDownloader(
                  config,
                  services.secrets(),
                  services.publisher(),
                  services.state(),
                  services.meters(),
                  services.clock());
          return () -> downloader.pollOnce().toTaskOutcome();
        });
  }
}
