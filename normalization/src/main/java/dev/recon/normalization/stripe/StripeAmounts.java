package dev.recon.normalization.stripe;

import dev.recon.normalization.format.RowProblems;
import java.util.Set;

/**
 * Stripe API amounts (integers in the currency's smallest unit) in ISO 4217 minor units. They agree
 * except for currencies ISO gives no minor unit but Stripe, for backwards compatibility, writes as
 * two-decimal with "00" cents: those must be divisible by 100, anything else is an error.
 */
final class StripeAmounts {

  /** Zero-decimal in ISO 4217, two-decimal in Stripe's API. */
  static final Set<String> TWO_DECIMAL_IN_API = Set.of("ISK", "UGX");

  private static final long CENTS = 100L;

  private StripeAmounts() {}

  /** {@code apiAmount} of {@code currency} in ISO minor units, or null after recording why not. */
  static Long toMinor(String field, long apiAmount, String currency, RowProblems problems) {
    if (!TWO_DECIMAL_IN_API.contains(currency)) {
      return apiAmount;
    }
    if (apiAmount % CENTS != 0) {
      problems.add(
          field,
          currency + " has no minor unit: Stripe writes it x100, so the amount must end in 00",
          Long.toString(apiAmount));
      return null;
    }
    return apiAmount / CENTS;
  }
}
