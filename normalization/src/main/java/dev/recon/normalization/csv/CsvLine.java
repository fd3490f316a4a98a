package dev.recon.normalization.csv;

import java.util.List;

/** One record read from CSV text: fields, or why the record could not be split into fields. */
public sealed interface CsvLine permits CsvLine.Row, CsvLine.Malformed {

  /** 1-based physical line the record starts on. */
  int line();

  /** The record's fields, unquoted; {@code raw} is its text as in the file, for excerpts only. */
  record Row(int line, List<String> fields, String raw) implements CsvLine {
    public Row {
      fields = FieldList.immutable(fields);
    }
  }

  record Malformed(int line, String reason, String excerpt) implements CsvLine {}
}
