package dev.recon.reporting.web;

import dev.recon.reporting.MajorUnits;
import java.math.BigDecimal;
import java.util.OptionalInt;

/** An amount typed by a person in major units ("12.50"), read exactly into minor units. */
final class MajorAmount {

  static final int MAX_CHARS = 24;

  private MajorAmount() {}

  /**
   * @throws IllegalArgumentException for text that is not a positive amount with at most the
   *     currency's decimals
   */
  static long toMinor(String text, String currency) {
    OptionalInt exponent = MajorUnits.exponentOf(currency);
    if (exponent.isEmpty()) {
      throw new IllegalArgumentException("unknown currency " + currency);
    }
    String clean = text.trim().replace(",", "");
    if (clean.isEmpty() || clean.length() > MAX_CHARS || !clean.matches("\\d+(\\.\\d+)?")) {
      throw new IllegalArgumentException("amount must look like 12.50");
    }
    try {
      long minor = new BigDecimal(clean).movePointRight(exponent.getAsInt()).longValueExact();
      if (minor <= 0) {
        throw new IllegalArgumentException("amount must be positive");
      }
      return minor;
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          currency + " has " + exponent.getAsInt() + " decimals at most", e);
    }
  }
}
