package dev.recon.ingestion.api.adyen;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The names of a report series numbered by settlement batch, such as {@code
 * settlement_detail_report_batch_{batch}.csv}: exactly one {@code {batch}} placeholder, and only
 * characters that are safe in a URL path and a file name.
 */
public record ReportNamePattern(String pattern) {

  public static final String PLACEHOLDER = "{batch}";
  public static final int MAX_PATTERN_CHARS = 200;
  public static final String SETTLEMENT_DETAIL = "settlement_detail_report_batch_{batch}.csv";

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_.-]+");

  public ReportNamePattern {
    problem(pattern)
        .ifPresent(
            m -> {
              throw new IllegalArgumentException("report name pattern " + m);
            });
  }

  /** What is wrong with a pattern, if anything. */
  public static Optional<String> problem(String pattern) {
    if (pattern == null || pattern.isBlank()) {
      return Optional.of("is required");
    }
    if (pattern.length() > MAX_PATTERN_CHARS) {
      return Optional.of("is longer than " + MAX_PATTERN_CHARS + " characters");
    }
    int at = pattern.indexOf(PLACEHOLDER);
    if (at < 0 || pattern.indexOf(PLACEHOLDER, at + 1) >= 0) {
      return Optional.of("must contain " + PLACEHOLDER + " exactly once");
    }
    String rest = pattern.replace(PLACEHOLDER, "0");
    if (!SAFE.matcher(rest).matches() || rest.startsWith(".")) {
      return Optional.of("may contain only letters, digits, _ . - besides " + PLACEHOLDER);
    }
    return Optional.empty();
  }

  /** The report name of a batch. */
  public String nameFor(long batch) {
    if (batch < 1) {
      throw new IllegalArgumentException("batch numbers start at 1");
    }
    return pattern.replace(PLACEHOLDER, Long.toString(batch));
  }
}
