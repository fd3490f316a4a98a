package dev.recon.normalization.stripe;

import dev.recon.schemas.PaymentEventType;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Stripe's reporting_category values in canonical terms. The list is explicit: a category Stripe
 * adds later is reported as a parse error rather than guessed.
 */
final class StripeReportingCategories {

  private static final Map<String, PaymentEventType> CATEGORIES =
      Map.ofEntries(
          Map.entry("charge", PaymentEventType.CAPTURE),
          Map.entry("refund", PaymentEventType.REFUND),
          Map.entry("partial_capture_reversal", PaymentEventType.REFUND),
          Map.entry("dispute", PaymentEventType.CHARGEBACK),
          Map.entry("dispute_reversal", PaymentEventType.CHARGEBACK_REVERSAL),
          Map.entry("fee", PaymentEventType.FEE),
          Map.entry("network_cost", PaymentEventType.FEE),
          Map.entry("adjustment", PaymentEventType.ADJUSTMENT),
          Map.entry("other_adjustment", PaymentEventType.ADJUSTMENT),
          Map.entry("refund_failure", PaymentEventType.ADJUSTMENT),
          Map.entry("payout", PaymentEventType.PAYOUT),
          Map.entry("payout_reversal", PaymentEventType.PAYOUT));

  private StripeReportingCategories() {}

  static Optional<PaymentEventType> classify(String category) {
    return Optional.ofNullable(CATEGORIES.get(category.strip().toLowerCase(Locale.ROOT)));
  }
}
