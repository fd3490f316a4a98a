package dev.recon.normalization.format;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes an offending value or line fit to be stored in a dead letter and shown in a UI: truncated,
 * one line, e-mail addresses and long digit runs (card numbers, account numbers) masked. The whole
 * row is never kept: rows carry names, e-mails and account numbers.
 */
public final class Excerpt {

  public static final int MAX_EXCERPT_CHARS = 80;

  /** A row excerpt shows where the row starts (ids), not the later columns (names, notes). */
  public static final int MAX_ROW_EXCERPT_CHARS = 40;

  /**
   * Card and account numbers: 12+ digits grouped by spaces or dashes as card numbers are written,
   * or 8+ digits in a row. Dates ("2025-03-05", 8 digits with dashes) stay readable.
   */
  private static final Pattern LONG_DIGITS = Pattern.compile("\\d(?:[ -]?\\d){11,}|\\d{8,}");

  private static final Pattern EMAIL = Pattern.compile("[^\\s,;:\"'<>()\\[\\]{}]+@[\\w.-]+");

  private Excerpt() {}

  /** The masked start of a whole row, for errors about the row as a whole; null for null. */
  public static String rowStart(String raw) {
    String m = masked(raw);
    if (m == null || m.length() <= MAX_ROW_EXCERPT_CHARS) {
      return m;
    }
    return m.substring(0, MAX_ROW_EXCERPT_CHARS) + "...";
  }

  /** Returns null for null. */
  public static String masked(String raw) {
    if (raw == null) {
      return null;
    }
    // Truncate before masking so that the regexes see bounded input, then once more after.
    String s = raw.length() > 4 * MAX_EXCERPT_CHARS ? raw.substring(0, 4 * MAX_EXCERPT_CHARS) : raw;
    s = s.replaceAll("[\\p{Cntrl}]", " ");
    s = EMAIL.matcher(s).replaceAll("***@***");
    Matcher m = LONG_DIGITS.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String digits = m.group().replaceAll("[ -]", "");
      m.appendReplacement(out, "****" + digits.substring(digits.length() - 4));
    }
    m.appendTail(out);
    if (out.length() > MAX_EXCERPT_CHARS) {
      return out.substring(0, MAX_EXCERPT_CHARS) + "...";
    }
    return raw.length() > 4 * MAX_EXCERPT_CHARS ? out + "..." : out.toString();
  }
}
