package dev.recon.reporting.export;

import java.util.Objects;
import java.util.regex.Pattern;

/** One output column of a dataset: its name in the files and its type. */
public record ExportColumn(String name, ColumnType type) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  public ExportColumn {
    Objects.requireNonNull(type, "type");
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("column name must match " + NAME.pattern());
    }
  }
}
