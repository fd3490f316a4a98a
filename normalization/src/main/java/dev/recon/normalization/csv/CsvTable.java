package dev.recon.normalization.csv;

import dev.recon.normalization.format.Excerpt;
import dev.recon.normalization.format.ParseResult;
import dev.recon.normalization.format.ParserLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A CSV file with a header row, read with the limits every format shares: payload size, record
 * length, row count. Malformed, truncated and over-long rows are reported to the builder and
 * skipped; only well-formed rows reach the format's row mapper.
 */
public final class CsvTable {
  private final CsvTokenizer tokenizer;
  private final HeaderIndex header;
  private final ParserLimits limits;
  private final ParseResult.Builder out;

  private CsvTable(
      CsvTokenizer tokenizer, HeaderIndex header, ParserLimits limits, ParseResult.Builder out) {
    this.tokenizer = tokenizer;
    this.header = header;
    this.limits = limits;
    this.out = out;
  }

  /**
   * Reads up to and including the header. When the file cannot be read as a table (too large, no
   * header, a required column missing, an ambiguous column) this reports one error for the file and
   * returns empty: binding the rows would be guesswork.
   */
  public static Optional<CsvTable> open(
      byte[] payload, ParserLimits limits, List<String> requiredColumns, ParseResult.Builder out) {
    Optional<String> tooLarge = limits.payloadOverLimit(payload.length);
    if (tooLarge.isPresent()) {
      out.error(0, null, tooLarge.get(), null);
      return Optional.empty();
    }
    CsvTokenizer tokenizer =
        new CsvTokenizer(TextDecoding.decode(payload).text(), limits.maxLineChars());
    CsvLine first = tokenizer.next();
    if (first == null) {
      out.error(0, null, "empty file: no header row", null);
      return Optional.empty();
    }
    if (first instanceof CsvLine.Malformed bad) {
      out.error(
          bad.line(),
          null,
          "unreadable header row: " + bad.reason(),
          Excerpt.rowStart(bad.excerpt()));
      return Optional.empty();
    }
    CsvLine.Row headerRow = (CsvLine.Row) first;
    HeaderIndex header = HeaderIndex.of(headerRow.fields());
    List<String> missing = new ArrayList<>();
    for (String column : requiredColumns) {
      if (!header.has(column)) {
        missing.add(column);
      }
    }
    if (!missing.isEmpty()) {
      out.error(
          headerRow.line(),
          missing.get(0),
          "missing required column(s): " + String.join(", ", missing),
          null);
      return Optional.empty();
    }
    if (!header.duplicates().isEmpty()) {
      out.error(
          headerRow.line(),
          header.duplicates().get(0),
          "column name occurs more than once: " + String.join(", ", header.duplicates()),
          null);
      return Optional.empty();
    }
    return Optional.of(new CsvTable(tokenizer, header, limits, out));
  }

  public HeaderIndex header() {
    return header;
  }

  /** Hands each well-formed data row to {@code mapper}, in file order. */
  public void forEachRow(Consumer<BoundRow> mapper) {
    int rows = 0;
    for (CsvLine line = tokenizer.next(); line != null; line = tokenizer.next()) {
      if (rows == limits.maxRows()) {
        out.error(
            line.line(),
            null,
            "row limit of " + limits.maxRows() + " reached; the rest of the file was not read",
            null);
        return;
      }
      rows++;
      if (line instanceof CsvLine.Malformed bad) {
        out.error(bad.line(), null, bad.reason(), Excerpt.rowStart(bad.excerpt()));
        continue;
      }
      CsvLine.Row row = (CsvLine.Row) line;
      List<String> fields = row.fields();
      if (fields.size() < header.width()) {
        out.error(
            row.line(),
            header.names().get(fields.size()).strip(),
            "truncated row: " + fields.size() + " of " + header.width() + " fields",
            Excerpt.rowStart(row.raw()));
        continue;
      }
      if (fields.size() > header.width()) {
        if (!fields.subList(header.width(), fields.size()).stream().allMatch(String::isBlank)) {
          out.error(
              row.line(),
              null,
              "row has " + fields.size() + " fields but the header has " + header.width(),
              Excerpt.rowStart(row.raw()));
          continue;
        }
        fields = fields.subList(0, header.width());
      }
      mapper.accept(new BoundRow(row.line(), header, fields));
    }
  }
}
