package dev.recon.ingestion.api;

import dev.recon.ingestion.secret.SecretReference;
import java.util.Optional;

/** Validation of secret references in poller configurations. */
public final class SecretReferences {

  private SecretReferences() {}

  /**
   * What is wrong with a reference, if anything; the message never repeats the text, which may be a
   * secret pasted where a reference belongs.
   */
  public static Optional<String> problem(String reference) {
    if (reference == null || reference.isBlank()) {
      return Optional.of("is required");
    }
    try {
      SecretReference.parse(reference);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }
}
