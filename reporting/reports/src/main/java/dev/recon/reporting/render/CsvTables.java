package dev.recon.reporting.render;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Report tables as CSV, one file per table ({@code <name>.csv}): RFC 4180, LF line endings, UTF-8,
 * a header row of the columns' snake_case keys. Amounts are plain decimals in major units
 * ("1234.56", no grouping, a '-' for negatives) next to their currency column; every row is
 * written, total rows are not (scripts sum themselves).
 */
public final class CsvTables {

  private CsvTables() {}

  public static List<ReportDocument> render(List<ReportTable> tables) {
    List<ReportDocument> files = new ArrayList<>();
    for (ReportTable table : tables) {
      files.add(
          new ReportDocument(
              table.name() + ".csv",
              ReportDocument.CSV,
              render(table).getBytes(StandardCharsets.UTF_8)));
    }
    return files;
  }

  public static String render(ReportTable table) {
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setRecordSeparator('\n')
            .setHeader(table.columns().stream().map(Column::key).toArray(String[]::new))
            .get();
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, format)) {
      for (List<Cell> row : table.rows()) {
        printer.printRecord(row.stream().map(CsvTables::value).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return out.toString();
  }

  static String value(Cell cell) {
    if (cell instanceof Cell.Amount amount) {
      return amount.major().toPlainString();
    }
    if (cell instanceof Cell.Count count) {
      return Long.toString(count.value());
    }
    return ((Cell.Text) cell).value();
  }
}
