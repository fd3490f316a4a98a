package dev.recon.normalization.paypal;

import dev.recon.normalization.format.RowProblems;
import dev.recon.normalization.money.MinorUnits;
import java.util.regex.Pattern;

/**
 * PayPal report amounts: unsigned integers equal to the value times 100 for every currency (JPY
 * 15000 = 150 yen), converted exactly to the currency's ISO 4217 minor units.
 */
final class PaypalAmount {

  /** PayPal writes amounts times 100 whatever the currency's minor units. */
  static final int REPORT_EXPONENT = 2;

  /** Up to 15 digits keeps every conversion and per-file sum far from overflow. */
  static final int MAX_DIGITS = 15;

  private static final Pattern DIGITS = Pattern.compile("\\d{1," + MAX_DIGITS + "}");

  private PaypalAmount() {}

  /** Whether {@code text} is a report amount, without converting it. */
  static boolean isReportAmount(String text) {
    return DIGITS.matcher(text).matches();
  }

  /**
   * The unsigned amount in minor units of {@code currency}, or null after recording why it is not
   * one. The currency must already be known.
   */
  static Long toMinor(String field, String text, String currency, RowProblems problems) {
    if (!isReportAmount(text)) {
      problems.add(
          field, "not an unsigned integer amount of at most " + MAX_DIGITS + " digits", text);
      return null;
    }
    long hundredths = Long.parseLong(text);
    int exponent = MinorUnits.exponent(currency).orElseThrow();
    long scale = pow10(Math.abs(exponent - REPORT_EXPONENT));
    if (exponent >= REPORT_EXPONENT) {
      return hundredths * scale;
    }
    if (hundredths % scale != 0) {
      problems.add(
          field,
          "amount does not convert exactly to "
              + currency
              + " minor units (value x100 with "
              + exponent
              + " decimals)",
          text);
      return null;
    }
    return hundredths / scale;
  }

  private static long pow10(int n) {
    long p = 1;
    for (int i = 0; i < n; i++) {
      p *= 10;
    }
    return p;
  }
}
