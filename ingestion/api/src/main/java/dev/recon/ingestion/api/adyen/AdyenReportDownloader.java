package dev.recon.ingestion.api.adyen;

import dev.recon.ingestion.api.ConnectorState;
import dev.recon.ingestion.api.InvalidApiConfigException;
import dev.recon.ingestion.api.OnceOnlyPublisher;
import dev.recon.ingestion.api.PollSummary;
import dev.recon.ingestion.api.http.ApiResponse;
import dev.recon.ingestion.api.http.ProviderClient;
import dev.recon.ingestion.file.RawFile;
import dev.recon.ingestion.publish.PublishFailedException;
import dev.recon.ingestion.publish.RawRecordPublisher;
import dev.recon.ingestion.secret.SecretResolver;
import dev.recon.ingestion.secret.SecretUnavailableException;
import dev.recon.ingestion.store.AuditEntry;
import dev.recon.ingestion.store.AuditOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.Objects;

/**
 * Downloads a batch-numbered Adyen report series: the batch after the last one downloaded, then the
 * next, until the provider answers 404 (not generated yet). Each report is published whole as one
 * raw record, deduplicated by its content hash; the last batch is saved after the report is in
 * Kafka. A report over the size limit is refused and audited, and the series stops there (nothing
 * is skipped silently) until the limit is raised.
 */
public final class AdyenReportDownloader {

  private final AdyenReportConfig config;
  private final ReportNamePattern names;
  private final SecretResolver secrets;
  private final ConnectorState state;
  private final OnceOnlyPublisher publisher;
  private final ProviderClient client;

  public AdyenReportDownloader(
      AdyenReportConfig config,
      SecretResolver secrets,
      RawRecordPublisher publisher,
      ConnectorState state,
      MeterRegistry meters,
      Clock clock) {
    InvalidApiConfigException.requireNone("Adyen report downloader", config.problems());
    this.config = config;
    this.names = new ReportNamePattern(config.reportNamePattern());
    this.secrets = Objects.requireNonNull(secrets, "secrets");
    this.state = Objects.requireNonNull(state, "state");
    this.publisher = new OnceOnlyPublisher(publisher, state, meters, clock);
    this.client =
        new ProviderClient(AdyenReportConfig.PSP, config.tenantId(), config.http(), meters, clock);
  }

  /** The HTTP client, for its circuit state and metric name. */
  public ProviderClient client() {
    return client;
  }

  /** One poll: download every report from the next batch on, until one does not exist yet. */
  public PollSummary pollOnce() {
    int published = 0;
    int duplicates = 0;
    AdyenAuthentication.Header auth;
    try {
      auth = config.authentication().header(secrets);
    } catch (SecretUnavailableException | IllegalArgumentException e) {
      return failed("secret", "authentication", e.getMessage(), AuditOutcome.FAILED, 0, 0);
    }
    AdyenReportProgress progress =
        state
            .offsets()
            .load(config.tenantId(), AdyenReportConfig.CONNECTOR_ID, config.partition())
            .map(AdyenReportProgress::fromMap)
            .orElseGet(() -> AdyenReportProgress.before(config.firstBatch()));
    for (int i = 0; i < config.maxReportsPerPoll(); i++) {
      String name = names.nameFor(progress.nextBatch());
      String subject = config.merchantAccount() + "/" + name;
      HttpRequest request =
          client
              .request("/" + config.merchantAccount() + "/" + name)
              .header(auth.name(), auth.value())
              .GET()
              .build();
      ApiResponse response = client.send(request);
      if (response instanceof ApiResponse.NotFound) {
        return summary(
            PollSummary.Status.COMPLETED,
            published,
            duplicates,
            "batch " + progress.nextBatch() + " not available yet");
      }
      if (!(response instanceof ApiResponse.Ok ok)) {
        AuditOutcome outcome =
            response instanceof ApiResponse.Refused || response instanceof ApiResponse.OverLimit
                ? AuditOutcome.REJECTED
                : AuditOutcome.FAILED;
        return failed("download", subject, response.describe(), outcome, published, duplicates);
      }
      byte[] body = ok.body().bytes();
      RawFile.Origin origin =
          new RawFile.Origin(
              config.tenantId(),
              AdyenReportConfig.SOURCE,
              AdyenReportConfig.PSP,
              name,
              config.formatHint());
      try {
        OnceOnlyPublisher.Result result =
            publisher.publish(
                origin,
                AdyenReportConfig.CONNECTOR_ID,
                "sha256:" + RawFile.sha256Hex(body),
                subject,
                body);
        if (result == OnceOnlyPublisher.Result.PUBLISHED) {
          published++;
        } else {
          duplicates++;
        }
      } catch (PublishFailedException e) {
        return failed(
            "publish",
            subject,
            "Kafka did not acknowledge",
            AuditOutcome.FAILED,
            published,
            duplicates);
      }
      progress = progress.advanced();
      state
          .offsets()
          .save(
              config.tenantId(),
              AdyenReportConfig.CONNECTOR_ID,
              config.partition(),
              progress.toMap());
    }
    return summary(
        PollSummary.Status.PARTIAL, published, duplicates, "report limit per poll reached");
  }

  private PollSummary failed(
      String action,
      String subject,
      String reason,
      AuditOutcome outcome,
      int published,
      int duplicates) {
    state
        .audit()
        .record(
            new AuditEntry(
                config.tenantId(),
                AdyenReportConfig.CONNECTOR_ID,
                action,
                subject,
                outcome,
                reason));
    return summary(PollSummary.Status.FAILED, published, duplicates, subject + ": " + reason);
  }

  private PollSummary summary(
      PollSummary.Status status, int published, int duplicates, String detail) {
    return new PollSummary(
        config.tenantId(), AdyenReportConfig.CONNECTOR_ID, status, published, duplicates, detail);
  }
}
