package dev.recon.ingestion.api.stripe;

import dev.recon.ingestion.api.SecretReferences;
import dev.recon.ingestion.api.http.ProviderSettings;
import dev.recon.ingestion.store.TenantTransactions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One tenant's Stripe account as polled for balance transactions of paid payouts.
 *
 * @param secretKeyRef reference to the restricted or secret API key ({@code env:}, {@code file:},
 *     {@code aws-sm:}), never the key
 * @param payoutsCreatedFrom no payout created before this is fetched (optional)
 * @param payoutLookback each listing of paid payouts starts this far back, so a payout created
 *     earlier but paid since is still found; payouts already fetched are skipped
 * @param maxPagesPerPoll requests per poll (listing and balance transaction pages together); the
 *     next poll continues from the saved cursor
 */
public record StripeConfig(
    String tenantId,
    ProviderSettings http,
    String secretKeyRef,
    Instant payoutsCreatedFrom,
    Duration payoutLookback,
    int maxPagesPerPoll) {

  public static final String DEFAULT_BASE_URL = "https://api.stripe.com";
  public static final String CONNECTOR_ID = "api:stripe";
  public static final String SOURCE = "api:stripe";
  public static final String PSP = "stripe";

  /** Stripe's largest page size. */
  public static final int PAGE_LIMIT = 100;

  public static final int MAX_PAGES_PER_POLL_CEILING = 10_000;
  public static final Duration MIN_LOOKBACK = Duration.ofHours(1);
  public static final Duration MAX_LOOKBACK = Duration.ofDays(90);

  /** Production defaults: the last 14 days of payouts, up to 1000 pages per poll. */
  public static StripeConfig defaults(String tenantId, String secretKeyRef) {
    return new StripeConfig(
        tenantId,
        ProviderSettings.defaults(DEFAULT_BASE_URL),
        secretKeyRef,
        null,
        Duration.ofDays(14),
        1000);
  }

  /** Every problem, each naming its field; empty when the poller can run. */
  public List<String> problems() {
    List<String> p = new ArrayList<>();
    if (!TenantTransactions.isTenantId(tenantId)) {
      p.add("stripe.tenant_id: must match " + TenantTransactions.TENANT_ID.pattern());
    }
    if (http == null) {
      p.add("stripe.http: is required");
    } else {
      p.addAll(http.problems("stripe.http"));
    }
    SecretReferences.problem(secretKeyRef).ifPresent(m -> p.add("stripe.secret_key_ref: " + m));
    if (payoutLookback == null
        || payoutLookback.compareTo(MIN_LOOKBACK) < 0
        || payoutLookback.compareTo(MAX_LOOKBACK) > 0) {
      p.add("stripe.payout_lookback: must be " + MIN_LOOKBACK + " to " + MAX_LOOKBACK);
    }
    if (maxPagesPerPoll < 1 || maxPagesPerPoll > MAX_PAGES_PER_POLL_CEILING) {
      p.add("stripe.max_pages_per_poll: must be 1-" + MAX_PAGES_PER_POLL_CEILING);
    }
    return p;
  }

  /** The {@code created[gte]} of a listing started at {@code now}, in epoch seconds. */
  public long createdGte(Instant now) {
    Instant from = now.minus(payoutLookback);
    if (payoutsCreatedFrom != null && payoutsCreatedFrom.isAfter(from)) {
      from = payoutsCreatedFrom;
    }
    return from.getEpochSecond();
  }
}
