package dev.recon.generator;

import dev.recon.schemas.RecordKind;
import java.util.Comparator;
import java.util.Objects;

/** A record as matches.csv and exceptions.csv name it: its kind and its id. */
public record RecordRef(RecordKind kind, String id) {

  public static final Comparator<RecordRef> ORDER =
      Comparator.comparing(RecordRef::kind).thenComparing(RecordRef::id);

  public RecordRef {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
  }

  @Override
  public String toString() {
    return kind + ":" + id;
  }
}
