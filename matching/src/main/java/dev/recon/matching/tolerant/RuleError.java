package dev.recon.matching.tolerant;

import java.util.Objects;

/**
 * One problem in a rule file, at the path of the bad key, e.g. {@code
 * rules[2].amount.relative_bps}.
 */
public record RuleError(String path, String message) {

  public RuleError {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return path + ": " + message;
  }
}
