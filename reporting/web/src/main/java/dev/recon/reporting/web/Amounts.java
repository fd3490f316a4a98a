package dev.recon.reporting.web;

import dev.recon.reporting.MajorUnits;

/** Money as shown on pages: major units with the currency's own decimals, never a double. */
final class Amounts {
  private Amounts() {}

  static String show(long minor, String currency) {
    return MajorUnits.format(minor, currency) + " " + currency;
  }
}
