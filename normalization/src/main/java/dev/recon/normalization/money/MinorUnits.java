package dev.recon.normalization.money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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

  /**
   * Digits a fast-path amount may have (integer digits plus the currency's exponent): 10^18 - 1
   * fits in a long, so the fast path never overflows; longer amounts take the exact BigDecimal
   * path.
   */
  private static final int FAST_MAX_DIGITS = 18;

  /** Sentinel of {@link #parsePlainFast}: the text needs the general (BigDecimal) path. */
  private static final long NOT_FAST = Long.MIN_VALUE;

  /** ISO 4217 exponents by code, filled lazily: Currency.getInstance is too slow per row. */
  private static final Map<String, Optional<Integer>> EXPONENTS = new ConcurrentHashMap<>();

  /** Bounds the exponent cache: only codes that pass the syntax check are cached. */
  private static final int MAX_CACHED_CODES = 26 * 26 * 26;

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
    long fast = parsePlainFast(text, exponent.get());
    if (fast != NOT_FAST) {
      return new AmountParse.Parsed(fast);
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
    if (currencyCode == null || !isThreeUpperCaseLetters(currencyCode)) {
      return Optional.empty();
    }
    Optional<Integer> cached = EXPONENTS.get(currencyCode);
    if (cached != null) {
      return cached;
    }
    Optional<Integer> looked = lookUpExponent(currencyCode);
    if (EXPONENTS.size() < MAX_CACHED_CODES) {
      EXPONENTS.put(currencyCode, looked);
    }
    return looked;
  }

  private static boolean isThreeUpperCaseLetters(String code) {
    if (code.length() != 3) {
      return false;
    }
    for (int i = 0; i < 3; i++) {
      char c = code.charAt(i);
      if (c < 'A' || c > 'Z') {
        return false;
      }
    }
    return true;
  }

  private static Optional<Integer> lookUpExponent(String currencyCode) {
    try {
      int digits = Currency.getInstance(currencyCode).getDefaultFractionDigits();
      return digits < 0 ? Optional.empty() : Optional.of(digits);
    } catch (IllegalArgumentException notIso4217) {
      return Optional.empty();
    }
  }

  /**
   * The common case without BigDecimal: {@code [+-]?digits[.digits]} or {@code [+-]?.digits}, no
   * thousands separator, no non-zero digit beyond the exponent and at most {@link #FAST_MAX_DIGITS}
   * digits in minor units. Anything else (including every invalid amount) returns {@link #NOT_FAST}
   * so the general path produces the same result and message as before.
   */
  private static long parsePlainFast(String text, int exponent) {
    int n = text.length();
    int i = 0;
    boolean negative = false;
    if (n > 0 && (text.charAt(0) == '+' || text.charAt(0) == '-')) {
      negative = text.charAt(0) == '-';
      i = 1;
    }
    long value = 0;
    int intDigits = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        break;
      }
      value = value * 10 + (c - '0');
      intDigits++;
      if (intDigits + exponent > FAST_MAX_DIGITS) {
        return NOT_FAST;
      }
      i++;
    }
    int fracDigits = 0;
    if (i < n) {
      if (text.charAt(i) != '.') {
        return NOT_FAST;
      }
      i++;
      while (i < n) {
        char c = text.charAt(i);
        if (c < '0' || c > '9') {
          return NOT_FAST;
        }
        if (fracDigits < exponent) {
          value = value * 10 + (c - '0');
          fracDigits++;
        } else if (c != '0') {
          return NOT_FAST; // a remainder the currency cannot hold: the general path reports it
        }
        i++;
      }
      if (intDigits == 0 && i == n && text.charAt(n - 1) == '.') {
        return NOT_FAST; // "." or "-." has no digit at all
      }
    }
    if (intDigits == 0 && (fracDigits == 0 && !hasZeroFraction(text))) {
      return NOT_FAST;
    }
    for (int k = fracDigits; k < exponent; k++) {
      value *= 10;
    }
    if (value > MAX_ABS_MINOR) {
      return NOT_FAST;
    }
    return negative ? -value : value;
  }

  /** True for texts like ".000" whose only digits are fraction zeros beyond a 0 exponent. */
  private static boolean hasZeroFraction(String text) {
    int dot = text.indexOf('.');
    return dot >= 0 && dot + 1 < text.length();
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
