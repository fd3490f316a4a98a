package dev.recon.reporting.render;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The formats a report is rendered in. */
public enum ReportFormat {
  HTML,
  PDF,
  XLSX,
  CSV;

  /**
   * Formats from a comma-separated list such as "pdf,xlsx" (case-insensitive), as a command line or
   * a schedule names them.
   *
   * @throws IllegalArgumentException naming the unknown format
   */
  public static Set<ReportFormat> parseList(String list) {
    Set<ReportFormat> formats = EnumSet.noneOf(ReportFormat.class);
    for (String part : list.split(",", -1)) {
      String name = part.strip().toUpperCase(Locale.ROOT);
      try {
        formats.add(valueOf(name));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "unknown report format '" + part.strip() + "', expected html, pdf, xlsx or csv", e);
      }
    }
    return formats;
  }
}
