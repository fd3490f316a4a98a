package dev.recon.matching.tolerant;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the fields of a rule file's YAML nodes, recording every problem with the path of its key
 * instead of stopping at the first, so that a user sees all of a file's errors at once. Shared by
 * the L2 ({@code rules:}) and L4 ({@code cash:}) readers.
 */
public final class RuleFields {

  private final List<RuleError> errors;

  /**
   * @param errors where problems are recorded
   */
  public RuleFields(List<RuleError> errors) {
    this.errors = Objects.requireNonNull(errors, "errors");
  }

  public String text(JsonNode node, String path, String key, boolean required, String absent) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      if (required) {
        error(path + "." + key, "required");
      }
      return absent;
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      error(path + "." + key, "expected a non-blank string");
      return absent;
    }
    return value.asText().strip();
  }

  public long number(
      JsonNode node, String path, String key, boolean required, long absent, long min, long max) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      if (required) {
        error(path + "." + key, "required");
      }
      return absent;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      error(path + "." + key, "expected a whole number");
      return absent;
    }
    long n = value.asLong();
    if (n < min || n > max) {
      error(path + "." + key, "must be between " + min + " and " + max + ", is " + n);
      return absent;
    }
    return n;
  }

  public void unknownKeys(JsonNode node, String path, Set<String> known) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!known.contains(key)) {
        error(
            path.isEmpty() ? key : path + "." + key,
            "unknown key; known: " + known.stream().sorted().toList());
      }
    }
  }

  public void error(String path, String message) {
    errors.add(new RuleError(path, message));
  }
}
