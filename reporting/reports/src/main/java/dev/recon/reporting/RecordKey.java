package dev.recon.reporting;

import dev.recon.schemas.RecordKind;
import java.util.Comparator;

/** Identity of a reconciled record across matches and exceptions. */
record RecordKey(RecordKind kind, String id) implements Comparable<RecordKey> {

  private static final Comparator<RecordKey> ORDER =
      Comparator.comparing(RecordKey::kind).thenComparing(RecordKey::id);

  @Override
  public int compareTo(RecordKey other) {
    return ORDER.compare(this, other);
  }
}
