package dev.recon.normalization.adyen;

import dev.recon.schemas.PaymentEventType;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Adyen journal types ("Type" column) in canonical terms. The list is explicit: a type Adyen adds
 * later is reported as a parse error rather than guessed.
 */
final class AdyenRecordTypes {
  static final String MERCHANT_PAYOUT = "MerchantPayout";

  private static final Map<String, PaymentEventType> TYPES =
      Map.ofEntries(
          Map.entry("settled", PaymentEventType.CAPTURE),
          Map.entry("settledbulk", PaymentEventType.CAPTURE),
          Map.entry("settledininstallments", PaymentEventType.CAPTURE),
          Map.entry("settledexternally", PaymentEventType.CAPTURE),
          Map.entry("settledexternallywithinfo", PaymentEventType.CAPTURE),
          Map.entry("refunded", PaymentEventType.REFUND),
          Map.entry("refundedbulk", PaymentEventType.REFUND),
          Map.entry("refundedininstallments", PaymentEventType.REFUND),
          Map.entry("refundedexternally", PaymentEventType.REFUND),
          Map.entry("refundedexternallywithinfo", PaymentEventType.REFUND),
          Map.entry("chargeback", PaymentEventType.CHARGEBACK),
          Map.entry("secondchargeback", PaymentEventType.CHARGEBACK),
          Map.entry("chargebackexternally", PaymentEventType.CHARGEBACK),
          Map.entry("chargebackexternallywithinfo", PaymentEventType.CHARGEBACK),
          Map.entry("chargebackreversed", PaymentEventType.CHARGEBACK_REVERSAL),
          Map.entry("secondchargebackreversed", PaymentEventType.CHARGEBACK_REVERSAL),
          Map.entry("chargebackreversedexternally", PaymentEventType.CHARGEBACK_REVERSAL),
          Map.entry("chargebackreversedexternallywithinfo", PaymentEventType.CHARGEBACK_REVERSAL),
          Map.entry("fee", PaymentEventType.FEE),
          Map.entry("misccosts", PaymentEventType.FEE),
          Map.entry("invoicededuction", PaymentEventType.FEE),
          Map.entry("paymentcost", PaymentEventType.FEE),
          Map.entry("depositcorrection", PaymentEventType.ADJUSTMENT),
          Map.entry("refundedreversed", PaymentEventType.ADJUSTMENT),
          Map.entry("manualcorrected", PaymentEventType.ADJUSTMENT),
          Map.entry("reserveadjustment", PaymentEventType.ADJUSTMENT),
          Map.entry("balancetransfer", PaymentEventType.ADJUSTMENT),
          Map.entry("merchantpayout", PaymentEventType.PAYOUT));

  private AdyenRecordTypes() {}

  static Optional<PaymentEventType> classify(String adyenType) {
    return Optional.ofNullable(TYPES.get(adyenType.strip().toLowerCase(Locale.ROOT)));
  }
}
