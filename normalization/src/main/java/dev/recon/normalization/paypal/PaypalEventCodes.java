package dev.recon.normalization.paypal;

import dev.recon.schemas.PaymentEventType;
import java.util.Map;
import java.util.Optional;

/**
 * PayPal transaction event codes in canonical terms. Codes are grouped by their first three
 * characters (T00 payments, T01 fees, T02 currency conversion, T03 bank deposits into PayPal, T04
 * withdrawals, T11 reversals and refunds, T12 adjustments); codes whose meaning differs from their
 * group are named exactly. Anything else is unknown, which the parsers report as a finding.
 */
final class PaypalEventCodes {

  private static final Map<String, PaymentEventType> EXACT =
      Map.ofEntries(
          // Payment reversal initiated by PayPal (e.g. an unauthorised-use claim): funds withdrawn.
          Map.entry("T1106", PaymentEventType.CHARGEBACK),
          Map.entry("T1107", PaymentEventType.REFUND),
          // Fee reversal: the fee comes back; the CR/DR indicator gives the sign.
          Map.entry("T1108", PaymentEventType.FEE),
          // Holds and releases for dispute investigation move money within the balance.
          Map.entry("T1110", PaymentEventType.ADJUSTMENT),
          Map.entry("T1111", PaymentEventType.ADJUSTMENT),
          Map.entry("T1201", PaymentEventType.CHARGEBACK),
          Map.entry("T1202", PaymentEventType.CHARGEBACK_REVERSAL),
          // Reimbursement of a chargeback and cancellation of a chargeback return the funds.
          Map.entry("T1205", PaymentEventType.CHARGEBACK_REVERSAL),
          Map.entry("T1208", PaymentEventType.CHARGEBACK_REVERSAL));

  private static final Map<String, PaymentEventType> GROUPS =
      Map.of(
          "T00", PaymentEventType.CAPTURE,
          "T01", PaymentEventType.FEE,
          "T02", PaymentEventType.ADJUSTMENT,
          "T03", PaymentEventType.ADJUSTMENT,
          "T04", PaymentEventType.PAYOUT,
          "T11", PaymentEventType.REFUND,
          "T12", PaymentEventType.ADJUSTMENT);

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
