package dev.recon.matching.decision;

import dev.recon.schemas.RecordKind;
import java.util.Objects;
import java.util.Optional;

/** A record a decision names, written {@code RECORD_KIND:record_id} (e.g. {@code PSP_TXN:abc}). */
public record RecordRef(RecordKind kind, String recordId) {

  public RecordRef {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(recordId, "recordId");
  }

  /** The reference, or empty when the text is not KIND:id with a known kind and a non-blank id. */
  public static Optional<RecordRef> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    int colon = text.indexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      return Optional.empty();
    }
    String kind = text.substring(0, colon);
    String id = text.substring(colon + 1);
    if (id.isBlank()) {
      return Optional.empty();
    }
    for (RecordKind k : RecordKind.values()) {
      if (k != RecordKind.UNKNOWN && k.name().equals(kind)) {
        return Optional.of(new RecordRef(k, id));
      }
    }
    return Optional.empty();
  }
}
