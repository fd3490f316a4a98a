package dev.recon.reporting.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sums of some columns of a table per currency, for its total rows: "Total EUR", never a sum across
 * currencies. Exact (addExact: an overflow is a bug, not a wrap-around).
 */
final class CurrencyTotals {

  private final int width;
  private final int labelColumn;
  private final int currencyColumn;
  private final int[] summed;
  private final Map<String, long[]> sums = new TreeMap<>();
  private final Map<String, Long> counts = new TreeMap<>();

  /**
   * @param labelColumn where "Total" and the row count go
   * @param currencyColumn where the currency code goes
   * @param summed the amount columns to sum
   */
  CurrencyTotals(int width, int labelColumn, int currencyColumn, int... summed) {
    this.width = width;
    this.labelColumn = labelColumn;
    this.currencyColumn = currencyColumn;
    this.summed = summed.clone();
  }

  /** Adds one row's amounts, in minor units, in the order of the summed columns. */
  void add(String currency, long... minorUnits) {
    if (minorUnits.length != summed.length) {
      throw new IllegalArgumentException("one amount per summed column");
    }
    long[] row = sums.computeIfAbsent(currency, c -> new long[summed.length]);
    for (int i = 0; i < summed.length; i++) {
      row[i] = Math.addExact(row[i], minorUnits[i]);
    }
    counts.merge(currency, 1L, Math::addExact);
  }

  List<List<Cell>> rows() {
    List<List<Cell>> rows = new ArrayList<>();
    sums.forEach(
        (currency, amounts) -> {
          Cell[] row = new Cell[width];
          Arrays.fill(row, Cell.EMPTY);
          row[labelColumn] =
              Cell.text("Total " + currency + " (" + counts.get(currency) + " rows)");
          row[currencyColumn] = Cell.text(currency);
          for (int i = 0; i < summed.length; i++) {
            row[summed[i]] = Cell.amount(amounts[i], currency);
          }
          rows.add(List.of(row));
        });
    return rows;
  }
}
