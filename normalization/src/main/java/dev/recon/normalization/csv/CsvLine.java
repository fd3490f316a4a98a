package dev.recon.normalization.csv;

import java.util.List;

/** One record read from CSV text: fields, or why the record could not be split into fields. */
public sealed interface CsvLine permits CsvLine.Row, CsvLine.Malformed {

  /** 1-based physical line the record starts on. */
  int line();

  /**
   * The record's fields, unquoted. Its text as in the file is {@code text} from {@code start} to
   * {@code end}, cut out only when an excerpt is needed: most rows never need one.
   */
  record Row(int line, List<String> fields, String text, int start, int end) implements CsvLine {
    public Row {
      fields = FieldList.immutable(fields);
      if (start < 0 || start > end || end > text.length()) {
        throw new IllegalArgumentException(
            "row span " + start + ".." + end + " of " + text.length() + " characters");
      }
    }

    /** A row whose text is all of {@code raw}. */
    public Row(int line, List<String> fields, String raw) {
      this(line, fields, raw, 0, raw.length());
    }

    /** The record's text as in the file, for excerpts. */
    public String raw() {
      return text.substring(start, end);
    }
  }

  record Malformed(int line, String reason, String excerpt) implements CsvLine {}
}
