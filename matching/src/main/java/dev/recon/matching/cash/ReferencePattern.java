package dev.recon.matching.cash;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one bank writes a payout or batch id into its references: a regex whose one capture group is
 * the id, e.g. {@code "PO-0*(\\d+)"} for a bank that writes batch 1128 as {@code PO-0001128}.
 */
public record ReferencePattern(Pattern pattern) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Regexes are configuration, not programs. */
  public static final int MAX_REGEX_CHARS = 200;

  /** Ids taken from one text; a remittance field names a handful of payouts, not hundreds. */
  public static final int MAX_IDS = 64;

  public ReferencePattern {
    Objects.requireNonNull(pattern, "pattern");
    String problem = problem(pattern.pattern());
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  public static ReferencePattern of(String regex) {
    String problem = problem(regex);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    return new ReferencePattern(Pattern.compile(regex));
  }

  /** Why a regex cannot be a reference pattern, or null when it can. */
  public static String problem(String regex) {
    if (regex.isEmpty() || regex.length() > MAX_REGEX_CHARS) {
      return "regex must have 1-" + MAX_REGEX_CHARS + " characters";
    }
    try {
      int groups = Pattern.compile(regex).matcher("").groupCount();
      return groups == 1 ? null : "regex must have exactly one capture group, has " + groups;
    } catch (java.util.regex.PatternSyntaxException e) {
      return "regex does not compile: " + e.getDescription();
    }
  }

  /** The ids the pattern finds in {@code text}, upper case without whitespace. */
  public List<String> ids(String text) {
    List<String> ids = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (ids.size() < MAX_IDS && m.find()) {
      String id = m.group(1);
      if (id != null && !id.isBlank()) {
        ids.add(compact(id));
      }
    }
    return ids;
  }

  static String compact(String text) {
    return text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
  }

  // Pattern has identity equality; two patterns with the same source and flags are the same rule.
  @Override
  public boolean equals(Object o) {
    return o instanceof ReferencePattern other
        && pattern.pattern().equals(other.pattern.pattern())
        && pattern.flags() == other.pattern.flags();
  }

  @Override
  public int hashCode() {
    return Objects.hash(pattern.pattern(), pattern.flags());
  }

  @Override
  public String toString() {
    return pattern.pattern();
  }
}
