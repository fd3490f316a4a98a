package dev.recon.ingestion.api.stripe;

import dev.recon.ingestion.api.ConnectorState;
import dev.recon.ingestion.api.InvalidApiConfigException;
import dev.recon.ingestion.api.OnceOnlyPublisher;
import dev.recon.ingestion.api.PollSummary;
import dev.recon.ingestion.api.http.ApiResponse;
import dev.recon.ingestion.api.http.ProviderClient;
import dev.recon.ingestion.api.http.ResponseBody;
import dev.recon.ingestion.file.RawFile;
import dev.recon.ingestion.publish.PublishFailedException;
import dev.recon.ingestion.publish.RawRecordPublisher;
import dev.recon.ingestion.secret.Secret;
import dev.recon.ingestion.secret.SecretResolver;
import dev.recon.ingestion.secret.SecretUnavailableException;
import dev.recon.ingestion.store.AuditEntry;
import dev.recon.ingestion.store.AuditOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.Objects;

/**
 * Fetches the balance transactions of each paid Stripe payout, page by page, and publishes every
 * page's JSON body as it came as one raw record. Progress (the listing cursor and each payout's
 * cursor) is saved after each page is in Kafka, and each page is also recorded by payout and
 * cursor, so a crash anywhere resumes at the next page with nothing lost or doubled.
 *
 * <p>One instance per tenant, kept for the life of the process: its circuit breaker remembers
 * failures across polls.
 */
public final class StripeBalanceTransactionPoller {

  private final StripeConfig config;
  private final SecretResolver secrets;
  private final ConnectorState state;
  private final OnceOnlyPublisher publisher;
  private final ProviderClient client;
  private final Clock clock;

  public StripeBalanceTransactionPoller(
      StripeConfig config,
      SecretResolver secrets,
      RawRecordPublisher publisher,
      ConnectorState state,
      MeterRegistry meters,
      Clock clock) {
    InvalidApiConfigException.requireNone("Stripe poller", config.problems());
    this.config = config;
    this.secrets = Objects.requireNonNull(secrets, "secrets");
    this.state = Objects.requireNonNull(state, "state");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.publisher = new OnceOnlyPublisher(publisher, state, meters, clock);
    this.client =
        new ProviderClient(StripeConfig.PSP, config.tenantId(), config.http(), meters, clock);
  }

  /** The HTTP client, for its circuit state and metric name. */
  public ProviderClient client() {
    return client;
  }

  /** One poll: continue the listing of paid payouts and fetch every payout not fetched yet. */
  public PollSummary pollOnce() {
    Run run = new Run();
    Secret key;
    try {
      key = secrets.resolve(config.secretKeyRef());
    } catch (SecretUnavailableException | IllegalArgumentException e) {
      return run.failed("secret", config.secretKeyRef(), e.getMessage(), AuditOutcome.FAILED);
    }
    PayoutListingProgress listing =
        state
            .offsets()
            .load(config.tenantId(), StripeConfig.CONNECTOR_ID, PayoutListingProgress.PARTITION)
            .map(PayoutListingProgress::fromMap)
            .filter(l -> !l.complete())
            .orElseGet(() -> PayoutListingProgress.start(config.createdGte(clock.instant())));
    while (true) {
      if (run.requests >= config.maxPagesPerPoll()) {
        return run.summary(PollSummary.Status.PARTIAL, "page limit per poll reached");
      }
      String subject = "paid payouts page " + (listing.pagesRead() + 1);
      Fetched fetched =
          fetch(
              run,
              StripeRequests.paidPayouts(listing.createdGte(), listing.startingAfter()),
              listing.startingAfter(),
              key,
              subject);
      if (fetched.failure() != null) {
        return fetched.failure();
      }
      for (String payoutId : fetched.page().ids()) {
        PollSummary stopped = fetchPayout(run, payoutId, key);
        if (stopped != null) {
          return stopped;
        }
      }
      listing = listing.after(fetched.page());
      state
          .offsets()
          .save(
              config.tenantId(),
              StripeConfig.CONNECTOR_ID,
              PayoutListingProgress.PARTITION,
              listing.toMap());
      if (listing.complete()) {
        return run.summary(PollSummary.Status.COMPLETED, "");
      }
    }
  }

  /** Fetches the payout's remaining pages; returns a summary only when the poll must stop. */
  private PollSummary fetchPayout(Run run, String payoutId, Secret key) {
    String partition = PayoutProgress.partition(payoutId);
    PayoutProgress progress =
        state
            .offsets()
            .load(config.tenantId(), StripeConfig.CONNECTOR_ID, partition)
            .map(PayoutProgress::fromMap)
            .orElseGet(() -> PayoutProgress.start(payoutId));
    while (!progress.complete()) {
      if (run.requests >= config.maxPagesPerPoll()) {
        return run.summary(PollSummary.Status.PARTIAL, "page limit per poll reached");
      }
      String subject = "payout " + payoutId + " balance transactions page " + progress.nextPage();
      Fetched fetched =
          fetch(
              run,
              StripeRequests.balanceTransactions(payoutId, progress.startingAfter()),
              progress.startingAfter(),
              key,
              subject);
      if (fetched.failure() != null) {
        return fetched.failure();
      }
      if (!fetched.page().ids().isEmpty()) {
        RawFile.Origin origin =
            new RawFile.Origin(
                config.tenantId(),
                StripeConfig.SOURCE,
                StripeConfig.PSP,
                progress.nextPageFileName(),
                null);
        try {
          OnceOnlyPublisher.Result result =
              publisher.publish(
                  origin,
                  StripeConfig.CONNECTOR_ID,
                  progress.nextPageKey(),
                  subject,
                  fetched.body().bytes());
          run.count(result);
        } catch (PublishFailedException e) {
          return run.failed("publish", subject, "Kafka did not acknowledge", AuditOutcome.FAILED);
        }
      }
      progress = progress.after(fetched.page());
      state
          .offsets()
          .save(config.tenantId(), StripeConfig.CONNECTOR_ID, partition, progress.toMap());
    }
    return null;
  }

  private Fetched fetch(Run run, String pathAndQuery, String cursor, Secret key, String subject) {
    HttpRequest request =
        client
            .request(pathAndQuery)
            .header("Authorization", "Bearer " + key.reveal())
            .header("Accept", "application/json")
            .GET()
            .build();
    run.requests++;
    ApiResponse response = client.send(request);
    if (!(response instanceof ApiResponse.Ok ok)) {
      AuditOutcome outcome =
          response instanceof ApiResponse.Refused || response instanceof ApiResponse.OverLimit
              ? AuditOutcome.REJECTED
              : AuditOutcome.FAILED;
      return Fetched.failed(run.failed("fetch", subject, response.describe(), outcome));
    }
    StripeListPage page = StripeListPage.read(ok.body().stream(), StripeConfig.PAGE_LIMIT);
    if (page instanceof StripeListPage.Malformed m) {
      return Fetched.failed(
          run.failed("fetch", subject, "unusable list: " + m.reason(), AuditOutcome.REJECTED));
    }
    StripeListPage.Valid valid = (StripeListPage.Valid) page;
    if (!valid.advancesFrom(cursor)) {
      return Fetched.failed(
          run.failed("fetch", subject, "cursor did not advance", AuditOutcome.REJECTED));
    }
    return new Fetched(valid, ok.body(), null);
  }

  /** A fetched page and its body, or the summary of a poll that must stop. */
  private record Fetched(StripeListPage.Valid page, ResponseBody body, PollSummary failure) {
    static Fetched failed(PollSummary failure) {
      return new Fetched(null, null, failure);
    }
  }

  /** The counters of one poll. */
  private final class Run {
    int requests;
    int published;
    int duplicates;

    void count(OnceOnlyPublisher.Result result) {
      if (result == OnceOnlyPublisher.Result.PUBLISHED) {
        published++;
      } else {
        duplicates++;
      }
    }

    PollSummary failed(String action, String subject, String reason, AuditOutcome outcome) {
      state
          .audit()
          .record(
              new AuditEntry(
                  config.tenantId(), StripeConfig.CONNECTOR_ID, action, subject, outcome, reason));
      return summary(PollSummary.Status.FAILED, subject + ": " + reason);
    }

    PollSummary summary(PollSummary.Status status, String detail) {
      return new PollSummary(
          config.tenantId(), StripeConfig.CONNECTOR_ID, status, published, duplicates, detail);
    }
  }
}
