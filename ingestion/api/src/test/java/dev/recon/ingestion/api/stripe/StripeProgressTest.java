package dev.recon.ingestion.api.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StripeProgressTest {

  @Test
  void payoutProgressFollowsTheCursorPageByPage() {
    PayoutProgress start = PayoutProgress.start("po_1");

    assertThat(start.nextPage()).isEqualTo(1);
    assertThat(start.nextPageKey()).isEqualTo("balance_transactions:po_1:after:-");
    assertThat(start.nextPageFileName()).isEqualTo("stripe-balance-transactions-po_1-page-1.json");

    PayoutProgress second = start.after(new StripeListPage.Valid(List.of("txn_1", "txn_2"), true));

    assertThat(second).isEqualTo(new PayoutProgress("po_1", "txn_2", 1, false));
    assertThat(second.nextPage()).isEqualTo(2);
    assertThat(second.nextPageKey()).isEqualTo("balance_transactions:po_1:after:txn_2");
    assertThat(second.nextPageFileName()).isEqualTo("stripe-balance-transactions-po_1-page-2.json");

    PayoutProgress done = second.after(new StripeListPage.Valid(List.of("txn_3"), false));

    assertThat(done).isEqualTo(new PayoutProgress("po_1", "txn_3", 2, true));
    assertThat(PayoutProgress.partition("po_1")).isEqualTo("payout:po_1");
  }

  @Test
  void payoutProgressRoundTripsThroughTheOffsetMap() {
    PayoutProgress start = PayoutProgress.start("po_1");
    PayoutProgress middle = new PayoutProgress("po_1", "txn_9", 3, false);
    PayoutProgress done = new PayoutProgress("po_1", "txn_10", 4, true);

    assertThat(start.toMap())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("payout", "po_1", "starting_after", "", "pages_read", "0", "complete", "false"));
    for (PayoutProgress p : List.of(start, middle, done)) {
      assertThat(PayoutProgress.fromMap(p.toMap())).isEqualTo(p);
    }
  }

  @Test
  void aStoredPayoutOffsetThatIsNotOursIsRefused() {
    Map<String, String> m = new HashMap<>(new PayoutProgress("po_1", "txn_9", 3, false).toMap());
    m.put("starting_after", "txn_9&x=1");
    assertThatThrownBy(() -> PayoutProgress.fromMap(m))
        .isInstanceOf(IllegalArgumentException.class);
    m.put("starting_after", "txn_9");
    m.put("pages_read", "three");
    assertThatThrownBy(() -> PayoutProgress.fromMap(m))
        .isInstanceOf(IllegalArgumentException.class);
    m.remove("pages_read");
    assertThatThrownBy(() -> PayoutProgress.fromMap(m))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theListingKeepsItsFilterAndAdvancesPastFetchedPayouts() {
    PayoutListingProgress start = PayoutListingProgress.start(1_700_000_000L);
    PayoutListingProgress next =
        start.after(new StripeListPage.Valid(List.of("po_2", "po_1"), true));
    PayoutListingProgress end = next.after(new StripeListPage.Valid(List.of(), false));

    assertThat(next).isEqualTo(new PayoutListingProgress(1_700_000_000L, "po_1", 1, false));
    assertThat(end).isEqualTo(new PayoutListingProgress(1_700_000_000L, "po_1", 2, true));
    for (PayoutListingProgress p : List.of(start, next, end)) {
      assertThat(PayoutListingProgress.fromMap(p.toMap())).isEqualTo(p);
    }
  }

  @Test
  void eachListingStartsALookbackAgoButNeverBeforeTheConfiguredStart() {
    Instant now = Instant.parse("2026-11-25T12:00:00Z");
    StripeConfig plain = StripeConfig.defaults("acme", "env:K");
    StripeConfig floored =
        new StripeConfig(
            "acme",
            plain.http(),
            "env:K",
            Instant.parse("2026-11-20T00:00:00Z"),
            Duration.ofDays(14),
            10);

    assertThat(plain.createdGte(now)).isEqualTo(now.minus(Duration.ofDays(14)).getEpochSecond());
    assertThat(floored.createdGte(now))
        .isEqualTo(Instant.parse("2026-11-20T00:00:00Z").getEpochSecond());
  }

  @Test
  void requestsCarryTheFilterLimitAndCursor() {
    assertThat(StripeRequests.paidPayouts(1700000000L, null))
        .isEqualTo("/v1/payouts?created%5Bgte%5D=1700000000&status=paid&limit=100");
    assertThat(StripeRequests.paidPayouts(1700000000L, "po_9"))
        .isEqualTo(
            "/v1/payouts?created%5Bgte%5D=1700000000&status=paid&limit=100&starting_after=po_9");
    assertThat(StripeRequests.balanceTransactions("po_1", "txn_2"))
        .isEqualTo("/v1/balance_transactions?payout=po_1&limit=100&starting_after=txn_2");
  }

  @Test
  void configProblemsAreListedTogether() {
    StripeConfig bad =
        new StripeConfig("no tenant!", null, "sk_live_pasted_here", null, Duration.ofDays(365), 0);

    assertThat(bad.problems())
        .hasSize(5)
        .anySatisfy(p -> assertThat(p).startsWith("stripe.tenant_id"))
        .anySatisfy(p -> assertThat(p).startsWith("stripe.http"))
        .anySatisfy(
            p -> assertThat(p).startsWith("stripe.secret_key_ref").doesNotContain("sk_live"))
        .anySatisfy(p -> assertThat(p).startsWith("stripe.payout_lookback"))
        .anySatisfy(p -> assertThat(p).startsWith("stripe.max_pages_per_poll"));
    assertThat(StripeConfig.defaults("acme", "env:STRIPE_KEY").problems()).isEmpty();
    assertThatThrownBy(
            () ->
                new StripeBalanceTransactionPoller(
                    bad, null, null, null, null, java.time.Clock.systemUTC()))
        .isInstanceOf(dev.recon.ingestion.api.InvalidApiConfigException.class)
        .hasMessageContaining("5 configuration problem(s)");
  }
}
