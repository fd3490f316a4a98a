package dev.recon.reporting.render;

import dev.recon.reporting.MajorUnits;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One value of a {@link ReportTable}. Each renderer shows it its own way: HTML and PDF with {@link
 * MajorUnits}' grouping, XLSX as a numeric cell, CSV as a plain decimal.
 */
public sealed interface Cell {

  Cell EMPTY = new Text("");

  /** Right-aligned in print, a number in a spreadsheet. */
  boolean numeric();

  static Cell text(String value) {
    return new Text(value == null ? "" : value);
  }

  static Cell count(long value) {
    return new Count(value);
  }

  static Cell amount(long minorUnits, String currency) {
    return new Amount(minorUnits, currency);
  }

  record Text(String value) implements Cell {
    public Text {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public boolean numeric() {
      return false;
    }
  }

  record Count(long value) implements Cell {
    @Override
    public boolean numeric() {
      return true;
    }
  }

  /** Money: minor units of an ISO 4217 currency, shown in major units by its exponent. */
  record Amount(long minorUnits, String currency) implements Cell {
    public Amount {
      Objects.requireNonNull(currency, "currency");
    }

    @Override
    public boolean numeric() {
      return true;
    }

    /** For people: "1,234.56"; an unknown code keeps minor units and says so. */
    public String formatted() {
      return MajorUnits.format(minorUnits, currency);
    }

    /**
     * The exact value in major units (scale = the currency's exponent, 0 for an unknown code): no
     * rounding can happen, the digits are the minor units'.
     */
    public BigDecimal major() {
      return BigDecimal.valueOf(minorUnits, exponent());
    }

    /**
     * The currency's ISO 4217 exponent, 0 for a code without one (then the value is minor units).
     */
    public int exponent() {
      return MajorUnits.exponentOf(currency).orElse(0);
    }
  }
}
