package dev.recon.ingestion.sftp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The file-name globs of a source ({@code *}, {@code ?}, {@code [abc]}, {@code {csv,txt}}), matched
 * against the plain name of each file in the root folder. Case-sensitive, as SFTP servers are.
 */
public final class IncludePatterns {

  public static final int MAX_PATTERNS = 32;
  public static final int MAX_PATTERN_CHARS = 128;

  private final List<Pattern> patterns;

  private IncludePatterns(List<Pattern> patterns) {
    this.patterns = List.copyOf(patterns);
  }

  /** Compiles the globs; invalid ones must have been reported by {@link #problem} first. */
  public static IncludePatterns of(List<String> globs) {
    List<Pattern> compiled = new ArrayList<>();
    for (String glob : globs) {
      compiled.add(Pattern.compile(toRegex(glob)));
    }
    return new IncludePatterns(compiled);
  }

  public boolean matches(String name) {
    for (Pattern p : patterns) {
      if (p.matcher(name).matches()) {
        return true;
      }
    }
    return false;
  }

  /** Why a glob is not usable, or null when it is. */
  public static String problem(String glob) {
    if (glob == null || glob.isBlank()) {
      return "is empty";
    }
    if (glob.length() > MAX_PATTERN_CHARS) {
      return "is longer than " + MAX_PATTERN_CHARS + " characters";
    }
    if (glob.indexOf('/') >= 0 || glob.indexOf('\\') >= 0) {
      return "must match a file name in the root folder, without '/' or '\\'";
    }
    try {
      Pattern.compile(toRegex(glob));
      return null;
    } catch (IllegalArgumentException e) {
      return "is not a valid glob (" + e.getMessage().lines().findFirst().orElse("") + ")";
    }
  }

  static String toRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    boolean inClass = false;
    int braces = 0;
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (inClass) {
        if (c == ']') {
          inClass = false;
          regex.append(']');
        } else if (c == '!' && glob.charAt(i - 1) == '[') {
          regex.append('^');
        } else {
          regex.append(c == '^' || c == '[' || c == '&' ? "\\" + c : String.valueOf(c));
        }
        continue;
      }
      switch (c) {
        case '*' -> regex.append("[^/]*");
        case '?' -> regex.append("[^/]");
        case '[' -> {
          inClass = true;
          regex.append('[');
        }
        case '{' -> {
          braces++;
          regex.append("(?:");
        }
        case '}' -> {
          if (braces == 0) {
            throw new IllegalArgumentException("unbalanced '}'");
          }
          braces--;
          regex.append(')');
        }
        case ',' -> regex.append(braces > 0 ? "|" : ",");
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    if (inClass) {
      throw new IllegalArgumentException("unclosed '['");
    }
    if (braces != 0) {
      throw new IllegalArgumentException("unclosed '{'");
    }
    return regex.toString();
  }
}
