package dev.recon.reporting.render;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One section of a report as a table, the one shape every renderer lays out: a heading, columns,
 * rows, and total rows (per currency: amounts of different currencies are never added together).
 *
 * @param name file and sheet name, e.g. "exceptions" (CSV: {@code <name>.csv})
 * @param title the section heading
 * @param note one line under the heading saying how to read the table, may be empty
 * @param rows every row; renderers for people may list fewer ({@link #MAX_LISTED_ROWS})
 * @param totals total rows, shown in bold after the rows; not in the CSV, which scripts sum
 *     themselves
 */
public record ReportTable(
    String name,
    String title,
    String note,
    List<Column> columns,
    List<List<Cell>> rows,
    List<List<Cell>> totals) {

  /** Rows listed in HTML and PDF; XLSX and CSV carry every row. */
  public static final int MAX_LISTED_ROWS = 1_000;

  /** A spreadsheet's sheet holds 1,048,576 rows: the header, totals and a note must fit too. */
  public static final int MAX_SHEET_ROWS = 1_000_000;

  /** Longest sheet name Excel accepts. */
  static final int MAX_NAME_CHARS = 31;

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,30}");

  public ReportTable {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(note, "note");
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("table name must match " + NAME.pattern() + ": " + name);
    }
    columns = List.copyOf(columns);
    rows = rows.stream().map(List::copyOf).toList();
    totals = totals.stream().map(List::copyOf).toList();
    for (List<Cell> row : rows) {
      requireWidth(name, columns, row);
    }
    for (List<Cell> row : totals) {
      requireWidth(name, columns, row);
    }
  }

  private static void requireWidth(String name, List<Column> columns, List<Cell> row) {
    if (row.size() != columns.size()) {
      throw new IllegalArgumentException(
          "a row of " + name + " has " + row.size() + " cells for " + columns.size() + " columns");
    }
  }
}
