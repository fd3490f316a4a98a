package dev.recon.normalization.money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Converts decimal major-unit text ("25", "25.00", ".91", "-12.50") to {@code long} minor units
 * with the ISO 4217 exponent of the currency (JPY 0, EUR 2, KWD 3). An amount with a non-zero digit
 * beyond the currency's exponent is an error, never a rounding.
 */
public final class MinorUnits {

  /** Longer amount text is refused before BigDecimal sees it (its cost grows with the length). */
  public static final int MAX_AMOUNT_CHARS = 40;

  /**
   * Largest magnitude accepted, 10^17 minor units (10^15 EUR; about 6 * 10^10 USD even in IDR). Far
   * above any real amount, and small enough that a parser can add or subtract a handful of parsed
   * amounts without overflow checks; long sums go through {@link MinorSum}.
   */
  public static final long MAX_ABS_MINOR = 100_000_000_000_000_000L;

  private static final Pattern PLAIN = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
  private static final Pattern GROUPED =
      Pattern.compile("[+-]?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d*)?|[+-]?\\.\\d+");
  private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");

  private MinorUnits() {}

  /** Parses an amount without thousands separators. */
  public static AmountParse parse(String majorUnits, String currencyCode) {
    return parse(majorUnits, currencyCode, Grouping.NONE);
  }

  /** Parses an amount in major units of {@code currencyCode} (ISO 4217, upper case). */
  public static AmountParse parse(String majorUnits, String currencyCode, Grouping grouping) {
    Optional<Integer> exponent = exponent(currencyCode);
    if (exponent.isEmpty()) {
      return new AmountParse.Invalid("unknown currency code: " + printable(currencyCode));
    }
    if (majorUnits == null || majorUnits.isBlank()) {
      return new AmountParse.Invalid("empty amount");
    }
    String text = majorUnits.strip();
    if (text.length() > MAX_AMOUNT_CHARS) {
      return new AmountParse.Invalid("amount longer than " + MAX_AMOUNT_CHARS + " characters");
    }
    Pattern syntax = grouping == Grouping.COMMA_THOUSANDS ? GROUPED : PLAIN;
    if (!syntax.matcher(text).matches()) {
      return new AmountParse.Invalid("not a decimal amount: " + text);
    }
    BigDecimal value = new BigDecimal(text.replace(",", ""));
    try {
      long minor = value.movePointRight(exponent.get()).longValueExact();
      if (Math.abs(minor) > MAX_ABS_MINOR) {
        return new AmountParse.Invalid("amount out of range: " + text);
      }
      return new AmountParse.Parsed(minor);
    } catch (ArithmeticException e) {
      if (value.stripTrailingZeros().scale() > exponent.get()) {
        return new AmountParse.Invalid(
            "more than "
                + exponent.get()
                + " decimal(s) for "
                + currencyCode
                + ": "
                + text
                + " (amounts are never rounded)");
      }
      return new AmountParse.Invalid("amount out of range: " + text);
    }
  }

  /**
   * The ISO 4217 minor-unit exponent, or empty for codes that are not upper-case ISO 4217 codes or
   * that have no minor unit (XAU, XXX, ...): money in those cannot be held in minor units.
   */
  public static Optional<Integer> exponent(String currencyCode) {
    if (currencyCode == null || !CURRENCY_CODE.matcher(currencyCode).matches()) {
      return Optional.empty();
    }
    try {
      int digits = Currency.getInstance(currencyCode).getDefaultFractionDigits();
      return digits < 0 ? Optional.empty() : Optional.of(digits);
    } catch (IllegalArgumentException notIso4217) {
      return Optional.empty();
    }
  }

  /** True when {@code currencyCode} is an ISO 4217 code this class can parse amounts for. */
  public static boolean isKnownCurrency(String currencyCode) {
    return exponent(currencyCode).isPresent();
  }

  /**
   * Formats minor units as exact major-unit text ("-27.00", "3158", "1.250") for messages. Throws
   * for an unknown currency: callers only format amounts they parsed.
   */
  public static String format(long minor, String currencyCode) {
    int exp =
        exponent(currencyCode)
            .orElseThrow(() -> new IllegalArgumentException("unknown currency " + currencyCode));
    return BigDecimal.valueOf(minor, exp).toPlainString();
  }

  private static String printable(String code) {
    if (code == null) {
      return "(none)";
    }
    String s = code.strip();
    return s.length() > 8 ? s.substring(0, 8).toUpperCase(Locale.ROOT) + "..." : s;
  }
}
