package dev.recon.reporting.render;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A column of a {@link ReportTable}.
 *
 * @param key the CSV header, snake_case, stable for scripts
 * @param label the heading people read in HTML, PDF and XLSX
 */
public record Column(String key, String label) {

  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  public Column {
    Objects.requireNonNull(label, "label");
    if (key == null || !KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("column key must match " + KEY.pattern() + ": " + key);
    }
  }

  public static Column of(String key, String label) {
    return new Column(key, label);
  }
}
