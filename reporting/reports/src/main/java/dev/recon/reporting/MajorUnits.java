package dev.recon.reporting;

import java.util.Currency;
import java.util.OptionalInt;

/**
 * Minor units shown in major units for people, exactly (string arithmetic on the digits, no
 * floating point), with the ISO 4217 exponent of the currency: 123456 EUR is "1,234.56", 1234 JPY
 * is "1,234", 1234 KWD is "1.234".
 */
public final class MajorUnits {

  private static final int GROUP_SIZE = 3;

  private MajorUnits() {}

  /**
   * The amount in major units with thousands separators; for a code that is not an ISO 4217
   * currency with a fixed exponent, the minor units followed by "(minor units)".
   */
  public static String format(long minorUnits, String currencyCode) {
    OptionalInt exponent = exponentOf(currencyCode);
    if (exponent.isEmpty()) {
      return format(minorUnits, 0) + " (minor units)";
    }
    return format(minorUnits, exponent.getAsInt());
  }

  /** The ISO 4217 exponent, empty for an unknown code or one without decimals defined (XAU). */
  public static OptionalInt exponentOf(String currencyCode) {
    if (currencyCode == null) {
      return OptionalInt.empty();
    }
    try {
      int digits = Currency.getInstance(currencyCode).getDefaultFractionDigits();
      return digits < 0 ? OptionalInt.empty() : OptionalInt.of(digits);
    } catch (IllegalArgumentException notAnIsoCode) {
      return OptionalInt.empty();
    }
  }

  static String format(long minorUnits, int exponent) {
    String digits = Long.toString(minorUnits);
    boolean negative = digits.startsWith("-");
    if (negative) {
      digits = digits.substring(1);
    }
    StringBuilder padded = new StringBuilder();
    for (int i = digits.length(); i <= exponent; i++) {
      padded.append('0');
    }
    padded.append(digits);
    String integerPart = padded.substring(0, padded.length() - exponent);
    String fraction = padded.substring(padded.length() - exponent);

    StringBuilder out = new StringBuilder(negative ? "-" : "");
    for (int i = 0; i < integerPart.length(); i++) {
      if (i > 0 && (integerPart.length() - i) % GROUP_SIZE == 0) {
        out.append(',');
      }
      out.append(integerPart.charAt(i));
    }
    if (exponent > 0) {
      out.append('.').append(fraction);
    }
    return out.toString();
  }
}
