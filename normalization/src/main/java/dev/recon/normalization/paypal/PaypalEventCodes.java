package dev.recon.normalization.paypal;

import dev.recon.schemas.PaymentEventType;
import java.util.Map;
import java.util.Optional;

/**
 * PayPal transaction event codes in canonical terms. Codes are grouped by their first three
 * characters (T00 payments, T01 fees, T02 currency conversion, T04 withdrawals); a few codes in
 * other groups are named exactly. Anything else is unknown, which the parser reports as a finding.
 */
final class PaypalEventCodes {

  private static final Map<String, PaymentEventType> EXACT =
      Map.of(
          "T1107", PaymentEventType.REFUND,
          "T1201", PaymentEventType.CHARGEBACK,
          "T1202", PaymentEventType.CHARGEBACK_REVERSAL);

  private static final Map<String, PaymentEventType> GROUPS =
      Map.of(
          "T00", PaymentEventType.CAPTURE,
          "T01", PaymentEventType.FEE,
          "T02", PaymentEventType.ADJUSTMENT,
          "T04", PaymentEventType.PAYOUT);

  private static final int GROUP_LENGTH = 3;
  private static final int CODE_LENGTH = 5;

  private PaypalEventCodes() {}

  static Optional<PaymentEventType> classify(String code) {
    PaymentEventType exact = EXACT.get(code);
    if (exact != null) {
      return Optional.of(exact);
    }
    if (code.length() != CODE_LENGTH) {
      return Optional.empty();
    }
    return Optional.ofNullable(GROUPS.get(code.substring(0, GROUP_LENGTH)));
  }
}
