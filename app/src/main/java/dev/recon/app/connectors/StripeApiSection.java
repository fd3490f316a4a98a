package dev.recon.app.connectors;

import dev.recon.app.schedule.ScheduleKeys;
import dev.recon.ingestion.api.stripe.StripeBalanceTransactionPoller;
import dev.recon.ingestion.api.stripe.StripeConfig;
import dev.recon.ingestion.schedule.CronSchedule;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * One entry of {@code connectors.stripe}: balance transactions of each paid payout.
 *
 * <pre>
 * stripe:
 *   - tenant: acme
 *     schedule: "15 * * * *"
 *     secretKey: env:ACME_STRIPE_RESTRICTED_KEY
 *     lookbackDays: 14          # optional
 *     maxPagesPerPoll: 1000     # optional
 *     http: {readTimeoutSeconds: 60}   # optional
 * </pre>
 */
record StripeApiSection(
    String tenant,
    String schedule,
    String secretKey,
    Integer lookbackDays,
    Integer maxPagesPerPoll,
    HttpSection http) {

  PlannedPoll toPoll(String file, int index, ZoneId zone, List<String> errors) {
    String where = file + ": connectors.stripe[" + index + "]";
    int before = errors.size();
    CronSchedule cron = ScheduleKeys.cron(schedule, zone, where, errors);
    StripeConfig d = StripeConfig.defaults(tenant, secretKey);
    StripeConfig config =
        new StripeConfig(
            tenant,
            HttpSection.toSettings(http, StripeConfig.DEFAULT_BASE_URL),
            secretKey,
            null,
            lookbackDays == null ? d.payoutLookback() : Duration.ofDays(lookbackDays),
            Objects.requireNonNullElse(maxPagesPerPoll, d.maxPagesPerPoll()));
    config.problems().forEach(p -> errors.add(where + ": " + p));
    if (errors.size() != before) {
      return null;
    }
    return new PlannedPoll(
        "api:stripe:" + tenant,
        cron,
        PlannedPoll.DEFAULT_LEASE,
        services -> {
          StripeBalanceTransactionPoller poller =
              new StripeBalanceTransactionPoller(
                  config,
                  services.secrets(),
                  services.publisher(),
                  services.state(),
                  services.meters(),
                  services.clock());
          return () -> poller.pollOnce().toTaskOutcome();
        });
  }
}
