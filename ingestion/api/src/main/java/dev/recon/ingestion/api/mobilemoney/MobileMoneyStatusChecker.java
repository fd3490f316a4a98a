package dev.recon.ingestion.api.mobilemoney;

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
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Asks a mobile-money provider for the status of pending payments and publishes each status body as
 * it came, as one raw record: this is what confirms an unsigned callback. A status body already
 * published for the reference (status unchanged) is not published again. The access token is kept
 * until shortly before it expires.
 *
 * <p>One instance per tenant and provider, kept for the life of the process (token cache and
 * circuit breaker live across checks).
 */
public final class MobileMoneyStatusChecker {

  /** References checked per call; the rest are reported as not checked. */
  public static final int MAX_REFERENCES_PER_CHECK = 1000;

  private final MobileMoneyProvider provider;
  private final SecretResolver secrets;
  private final ConnectorState state;
  private final OnceOnlyPublisher publisher;
  private final ProviderClient client;
  private final Clock clock;
  private final AccessTokenCache tokens = new AccessTokenCache();

  public MobileMoneyStatusChecker(
      MobileMoneyProvider provider,
      SecretResolver secrets,
      RawRecordPublisher publisher,
      ConnectorState state,
      MeterRegistry meters,
      Clock clock) {
    InvalidApiConfigException.requireNone(provider.psp() + " status checker", provider.problems());
    this.provider = provider;
    this.secrets = Objects.requireNonNull(secrets, "secrets");
    this.state = Objects.requireNonNull(state, "state");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.publisher = new OnceOnlyPublisher(publisher, state, meters, clock);
    this.client =
        new ProviderClient(provider.psp(), provider.tenantId(), provider.http(), meters, clock);
  }

  /** The HTTP client, for its circuit state and metric name. */
  public ProviderClient client() {
    return client;
  }

  /**
   * Checks each distinct reference once, in the order given.
   *
   * @param references payment references still pending confirmation (MTN: the request-to-pay
   *     reference id; Airtel: the transaction id)
   */
  public StatusCheckSummary check(List<String> references) {
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(references));
    Run run = new Run();
    String token = null;
    for (int i = 0; i < distinct.size(); i++) {
      String reference = distinct.get(i);
      if (run.stopped != null) {
        run.add(reference, ReferenceStatus.Result.NOT_CHECKED, null, "not checked: " + run.stopped);
        continue;
      }
      if (i >= MAX_REFERENCES_PER_CHECK) {
        run.partial = true;
        run.add(
            reference,
            ReferenceStatus.Result.NOT_CHECKED,
            null,
            "over " + MAX_REFERENCES_PER_CHECK + " references per check");
        continue;
      }
      if (reference == null || !provider.referencePattern().matcher(reference).matches()) {
        String shown = "reference #" + (i + 1);
        audit("check", shown, AuditOutcome.REJECTED, "not a " + provider.psp() + " reference");
        run.add(
            String.valueOf(reference),
            ReferenceStatus.Result.INVALID_REFERENCE,
            null,
            "must match " + provider.referencePattern().pattern());
        continue;
      }
      if (token == null) {
        Optional<String> fresh = accessToken(run);
        if (fresh.isEmpty()) {
          run.add(
              reference, ReferenceStatus.Result.NOT_CHECKED, null, "not checked: " + run.stopped);
          continue;
        }
        token = fresh.get();
      }
      checkOne(run, reference, token);
    }
    return run.summary();
  }

  private void checkOne(Run run, String reference, String token) {
    String subject = "payment " + reference;
    ApiResponse response;
    try {
      response =
          client.send(
              provider.statusRequest(
                  client.request(provider.statusPath(reference)), token, secrets));
    } catch (SecretUnavailableException | IllegalArgumentException e) {
      run.stop("secrets: " + e.getMessage());
      audit("secret", subject, AuditOutcome.FAILED, e.getMessage());
      run.add(reference, ReferenceStatus.Result.NOT_CHECKED, null, "not checked: " + run.stopped);
      return;
    }
    if (response instanceof ApiResponse.Ok ok) {
      byte[] body = ok.body().bytes();
      String status = provider.readStatus(body).orElse(null);
      RawFile.Origin origin =
          new RawFile.Origin(
              provider.tenantId(),
              provider.source(),
              provider.psp(),
              provider.psp() + "-status-" + reference + ".json",
              null);
      String key = "status:" + reference + ":sha256:" + RawFile.sha256Hex(body);
      try {
        OnceOnlyPublisher.Result result =
            publisher.publish(origin, provider.source(), key, subject, body);
        run.add(
            reference,
            result == OnceOnlyPublisher.Result.PUBLISHED
                ? ReferenceStatus.Result.PUBLISHED
                : ReferenceStatus.Result.UNCHANGED,
            status,
            "");
      } catch (PublishFailedException e) {
        run.stop("Kafka did not acknowledge");
        audit("publish", subject, AuditOutcome.FAILED, "Kafka did not acknowledge");
        run.add(reference, ReferenceStatus.Result.FAILED, status, run.stopped);
      }
      return;
    }
    if (response instanceof ApiResponse.NotFound) {
      audit("check", subject, AuditOutcome.REJECTED, "unknown to " + provider.psp());
      run.add(reference, ReferenceStatus.Result.NOT_FOUND, null, "unknown to the provider");
      return;
    }
    String reason = response.describe();
    if (response instanceof ApiResponse.Refused refused) {
      audit("check", subject, AuditOutcome.REJECTED, reason);
      if (refused.status() == 401 || refused.status() == 403) {
        tokens.invalidate();
        run.stop("access refused: " + reason);
      }
      run.add(reference, ReferenceStatus.Result.FAILED, null, reason);
      return;
    }
    if (response instanceof ApiResponse.OverLimit) {
      audit("check", subject, AuditOutcome.REJECTED, reason);
      run.add(reference, ReferenceStatus.Result.FAILED, null, reason);
      return;
    }
    audit("check", subject, AuditOutcome.FAILED, reason);
    run.stop(reason);
    run.add(reference, ReferenceStatus.Result.FAILED, null, reason);
  }

  /** The cached token, or a new one; empty (and the run stopped) when none can be had. */
  private Optional<String> accessToken(Run run) {
    Optional<AccessToken> cached = tokens.valid(clock.instant());
    if (cached.isPresent()) {
      return Optional.of(cached.get().value().reveal());
    }
    ApiResponse response;
    try {
      response = client.send(provider.tokenRequest(client.request(provider.tokenPath()), secrets));
    } catch (SecretUnavailableException | IllegalArgumentException e) {
      run.stop("secrets: " + e.getMessage());
      audit("token", "access token", AuditOutcome.FAILED, e.getMessage());
      return Optional.empty();
    }
    if (!(response instanceof ApiResponse.Ok ok)) {
      String reason = "token: " + response.describe();
      audit(
          "token",
          "access token",
          response instanceof ApiResponse.Refused ? AuditOutcome.REJECTED : AuditOutcome.FAILED,
          reason);
      run.stop(reason);
      return Optional.empty();
    }
    // The token body holds a credential: it is read here and never published or logged.
    Optional<AccessToken> token = AccessToken.read(ok.body().bytes(), clock.instant());
    if (token.isEmpty()) {
      audit(
          "token", "access token", AuditOutcome.REJECTED, "token response without a usable token");
      run.stop("token response without a usable token");
      return Optional.empty();
    }
    tokens.store(token.get());
    return Optional.of(token.get().value().reveal());
  }

  private void audit(String action, String subject, AuditOutcome outcome, String detail) {
    state
        .audit()
        .record(
            new AuditEntry(
                provider.tenantId(), provider.source(), action, subject, outcome, detail));
  }

  /** The results of one check as they accumulate. */
  private final class Run {
    final List<ReferenceStatus> results = new ArrayList<>();
    String stopped;
    boolean partial;

    void add(String reference, ReferenceStatus.Result result, String status, String detail) {
      results.add(new ReferenceStatus(reference, result, status, detail));
    }

    void stop(String reason) {
      stopped = reason;
    }

    StatusCheckSummary summary() {
      int published = 0;
      int unchanged = 0;
      for (ReferenceStatus r : results) {
        if (r.result() == ReferenceStatus.Result.PUBLISHED) {
          published++;
        } else if (r.result() == ReferenceStatus.Result.UNCHANGED) {
          unchanged++;
        }
      }
      PollSummary.Status status =
          stopped != null
              ? PollSummary.Status.FAILED
              : partial ? PollSummary.Status.PARTIAL : PollSummary.Status.COMPLETED;
      PollSummary poll =
          new PollSummary(
              provider.tenantId(),
              provider.source(),
              status,
              published,
              unchanged,
              stopped == null ? "" : stopped);
      return new StatusCheckSummary(poll, results);
    }
  }
}
