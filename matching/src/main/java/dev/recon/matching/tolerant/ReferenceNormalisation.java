package dev.recon.matching.tolerant;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a rule reads a merchant reference before comparing it, in this order: upper-case, drop
 * whitespace, strip the longest configured prefix (itself normalised the same way), drop
 * punctuation, then keep the regex's capture group. A reference that normalises to nothing never
 * matches: an empty reference says nothing about which payment it is.
 */
public record ReferenceNormalisation(
    boolean ignoreCase,
    boolean ignoreWhitespace,
    boolean ignorePunctuation,
    List<String> stripPrefixes,
    String captureRegex)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final int MAX_PREFIXES = 20;
  public static final int MAX_PREFIX_CHARS = 32;
  public static final int MAX_REGEX_CHARS = 200;

  /** References longer than this are cut before normalising: they come from outside. */
  public static final int MAX_REFERENCE_CHARS = 256;

  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}]+");
  private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}\\p{S}]+");

  /** Case, whitespace and punctuation ignored; no prefixes, no regex. */
  public static final ReferenceNormalisation LENIENT =
      new ReferenceNormalisation(true, true, true, List.of(), null);

  public ReferenceNormalisation {
    stripPrefixes = List.copyOf(stripPrefixes);
    if (stripPrefixes.size() > MAX_PREFIXES) {
      throw new IllegalArgumentException("more than " + MAX_PREFIXES + " prefixes");
    }
    for (String prefix : stripPrefixes) {
      if (prefix.isEmpty() || prefix.length() > MAX_PREFIX_CHARS) {
        throw new IllegalArgumentException("prefix length outside 1.." + MAX_PREFIX_CHARS);
      }
    }
    if (captureRegex != null) {
      String problem = regexProblem(captureRegex);
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
    }
  }

  /** Why a regex cannot be used, or null when it can. */
  public static String regexProblem(String regex) {
    if (regex.length() > MAX_REGEX_CHARS) {
      return "regex longer than " + MAX_REGEX_CHARS + " characters";
    }
    try {
      int groups = Pattern.compile(regex).matcher("").groupCount();
      return groups == 1 ? null : "regex must have exactly one capture group, has " + groups;
    } catch (java.util.regex.PatternSyntaxException e) {
      return "regex does not compile: " + e.getDescription();
    }
  }

  /** A normaliser for many references: compiles the regex once. */
  public Normaliser normaliser() {
    return new Normaliser(this);
  }

  /** Normalises references under one {@link ReferenceNormalisation}. */
  public static final class Normaliser {

    private final ReferenceNormalisation settings;
    private final List<String> prefixes;
    private final Pattern regex;

    private Normaliser(ReferenceNormalisation settings) {
      this.settings = settings;
      // Longest first, so "ORDER-" wins over "ORD" on "ORDER-1".
      this.prefixes =
          settings.stripPrefixes().stream()
              .map(this::caseAndSpace)
              .filter(p -> !p.isEmpty())
              .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(p -> p))
              .toList();
      this.regex =
          settings.captureRegex() == null ? null : Pattern.compile(settings.captureRegex());
    }

    public String normalise(String reference) {
      if (reference == null) {
        return "";
      }
      String s =
          reference.length() > MAX_REFERENCE_CHARS
              ? reference.substring(0, MAX_REFERENCE_CHARS)
              : reference;
      s = caseAndSpace(s.strip());
      for (String prefix : prefixes) {
        if (s.startsWith(prefix)) {
          s = s.substring(prefix.length());
          break;
        }
      }
      if (settings.ignorePunctuation()) {
        s = PUNCTUATION.matcher(s).replaceAll("");
      }
      if (regex != null) {
        Matcher m = regex.matcher(s);
        s = m.find() && m.group(1) != null ? m.group(1) : "";
      }
      return s;
    }

    private String caseAndSpace(String s) {
      String out = settings.ignoreCase() ? s.toUpperCase(Locale.ROOT) : s;
      return settings.ignoreWhitespace() ? WHITESPACE.matcher(out).replaceAll("") : out;
    }
  }
}
