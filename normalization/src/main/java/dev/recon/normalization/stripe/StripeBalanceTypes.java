package dev.recon.normalization.stripe;

import dev.recon.schemas.PaymentEventType;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Balance transaction types of Stripe's balance-history export in canonical terms. Explicit: a type
 * Stripe adds later is a parse error, not a guess. Disputes were exported as "adjustment" rows
 * described "Chargeback withdrawal for ch_..." / "Chargeback reversal for ch_...".
 */
final class StripeBalanceTypes {

  private static final Map<String, PaymentEventType> TYPES =
      Map.ofEntries(
          Map.entry("charge", PaymentEventType.CAPTURE),
          Map.entry("payment", PaymentEventType.CAPTURE),
          Map.entry("refund", PaymentEventType.REFUND),
          Map.entry("payment_refund", PaymentEventType.REFUND),
          Map.entry("payment_failure_refund", PaymentEventType.REFUND),
          Map.entry("dispute", PaymentEventType.CHARGEBACK),
          Map.entry("adjustment", PaymentEventType.ADJUSTMENT),
          Map.entry("refund_failure", PaymentEventType.ADJUSTMENT),
          Map.entry("reserve_transaction", PaymentEventType.ADJUSTMENT),
          Map.entry("reserved_funds", PaymentEventType.ADJUSTMENT),
          Map.entry("stripe_fee", PaymentEventType.FEE),
          Map.entry("stripe_fx_fee", PaymentEventType.FEE),
          Map.entry("application_fee", PaymentEventType.FEE),
          Map.entry("tax_fee", PaymentEventType.FEE),
          Map.entry("network_cost", PaymentEventType.FEE),
          Map.entry("payout", PaymentEventType.PAYOUT),
          Map.entry("transfer", PaymentEventType.PAYOUT),
          Map.entry("payout_cancel", PaymentEventType.PAYOUT),
          Map.entry("payout_failure", PaymentEventType.PAYOUT),
          Map.entry("transfer_cancel", PaymentEventType.PAYOUT),
          Map.entry("transfer_failure", PaymentEventType.PAYOUT));

  private static final String CHARGEBACK_WITHDRAWAL = "chargeback withdrawal";
  private static final String CHARGEBACK_REVERSAL = "chargeback reversal";

  private StripeBalanceTypes() {}

  static Optional<PaymentEventType> classify(String type, String description) {
    PaymentEventType t = TYPES.get(type.strip().toLowerCase(Locale.ROOT));
    if (t == PaymentEventType.ADJUSTMENT) {
      String d = description.toLowerCase(Locale.ROOT);
      if (d.startsWith(CHARGEBACK_WITHDRAWAL)) {
        return Optional.of(PaymentEventType.CHARGEBACK);
      }
      if (d.startsWith(CHARGEBACK_REVERSAL)) {
        return Optional.of(PaymentEventType.CHARGEBACK_REVERSAL);
      }
    }
    return Optional.ofNullable(t);
  }
}
