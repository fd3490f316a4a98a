package dev.recon.ingestion.api.stripe;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The paths and queries of the two Stripe list calls the poller makes. */
final class StripeRequests {

  private StripeRequests() {}

  /** Paid payouts created at or after {@code createdGte}, newest first, after a cursor. */
  static String paidPayouts(long createdGte, String startingAfter) {
    return "/v1/payouts?created%5Bgte%5D="
        + createdGte
        + "&status=paid&limit="
        + StripeConfig.PAGE_LIMIT
        + cursor(startingAfter);
  }

  /** The balance transactions settled in one payout, after a cursor. */
  static String balanceTransactions(String payoutId, String startingAfter) {
    return "/v1/balance_transactions?payout="
        + encode(payoutId)
        + "&limit="
        + StripeConfig.PAGE_LIMIT
        + cursor(startingAfter);
  }

  private static String cursor(String startingAfter) {
    return startingAfter == null ? "" : "&starting_after=" + encode(startingAfter);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
