package dev.recon.matching.model;

import java.util.Objects;

/**
 * A Flink key made of several fields. One String key keeps state serializers trivial; the unit
 * separator cannot occur in the printable identifiers PSPs and banks use.
 */
public final class MatchKey {

  private static final String SEPARATOR = "\u001f";

  private MatchKey() {}

  public static String of(String... parts) {
    for (String part : parts) {
      Objects.requireNonNull(part, "key part");
    }
    return String.join(SEPARATOR, parts);
  }

  /** A reference as the rules compare it; null and blank become empty. */
  public static String trimmed(String reference) {
    return reference == null ? "" : reference.strip();
  }
}
