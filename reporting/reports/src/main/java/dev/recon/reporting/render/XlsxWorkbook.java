package dev.recon.reporting.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Report tables as an XLSX workbook, one sheet per table: a bold header row (frozen), the rows,
 * then the total rows in bold. Amounts are numeric cells in major units, written from the exact
 * decimal of their minor units with a number format of the currency's exponent ("#,##0.00" for EUR,
 * "#,##0" for JPY, "#,##0.000" for KWD); the currency stands in its own column, so a sheet can be
 * filtered and summed per currency.
 */
public final class XlsxWorkbook {

  private static final String APPLICATION = "recon";
  private static final String VERSION = "1.0";

  /** Rows of a sheet beyond {@link ReportTable#MAX_SHEET_ROWS} are left out, with a note. */
  static final String NOT_LISTED = "%d more rows are not listed here; the CSV files have them all.";

  private XlsxWorkbook() {}

  public static byte[] render(List<ReportTable> tables) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      write(tables, out);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return out.toByteArray();
  }

  public static void write(List<ReportTable> tables, OutputStream out) throws IOException {
    if (tables.isEmpty()) {
      throw new IllegalArgumentException("a workbook needs at least one sheet");
    }
    Set<String> names = new HashSet<>();
    Workbook workbook = new Workbook(out, APPLICATION, VERSION);
    for (ReportTable table : tables) {
      if (!names.add(table.name())) {
        throw new IllegalArgumentException("two tables named " + table.name());
      }
      writeSheet(workbook.newWorksheet(table.name()), table);
    }
    workbook.finish();
  }

  private static void writeSheet(Worksheet sheet, ReportTable table) throws IOException {
    List<Column> columns = table.columns();
    for (int c = 0; c < columns.size(); c++) {
      sheet.value(0, c, columns.get(c).label());
      sheet.style(0, c).bold().set();
    }
    sheet.freezePane(0, 1);
    int r = 1;
    int listed = Math.min(table.rows().size(), ReportTable.MAX_SHEET_ROWS);
    for (List<Cell> row : table.rows().subList(0, listed)) {
      writeRow(sheet, r++, row, false);
      if (r % 10_000 == 0) {
        sheet.flush();
      }
    }
    for (List<Cell> row : table.totals()) {
      writeRow(sheet, r++, row, true);
    }
    if (listed < table.rows().size()) {
      sheet.value(r, 0, String.format(NOT_LISTED, table.rows().size() - listed));
    }
    sheet.finish();
  }

  private static void writeRow(Worksheet sheet, int r, List<Cell> row, boolean bold) {
    for (int c = 0; c < row.size(); c++) {
      Cell cell = row.get(c);
      if (cell instanceof Cell.Amount amount) {
        sheet.value(r, c, amount.major());
        var style = sheet.style(r, c).format(numberFormat(amount.exponent()));
        (bold ? style.bold() : style).set();
      } else if (cell instanceof Cell.Count count) {
        sheet.value(r, c, count.value());
        if (bold) {
          sheet.style(r, c).bold().set();
        }
      } else if (cell instanceof Cell.Text text) {
        if (!text.value().isEmpty()) {
          sheet.value(r, c, text.value());
          if (bold) {
            sheet.style(r, c).bold().set();
          }
        }
      }
    }
  }

  /** "#,##0" followed by as many decimals as the currency has. */
  static String numberFormat(int exponent) {
    return exponent == 0 ? "#,##0" : "#,##0." + "0".repeat(exponent);
  }
}
