package dev.recon.generator;

/** Minor units as the major-unit decimal text the layouts carry: 1250 -> "12.50" (two decimals). */
final class MajorUnits {
  private MajorUnits() {}

  static String of(long minor) {
    long abs = Math.absExact(minor);
    long cents = abs % 100;
    return (minor < 0 ? "-" : "") + abs / 100 + (cents < 10 ? ".0" : ".") + cents;
  }
}
