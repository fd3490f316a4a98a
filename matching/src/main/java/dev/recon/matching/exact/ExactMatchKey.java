package dev.recon.matching.exact;

import dev.recon.matching.model.MatchKey;
import dev.recon.schemas.RecordKind;

/** L1 key: tenant + merchant reference (trimmed). */
public final class ExactMatchKey {

  private ExactMatchKey() {}

  /**
   * A record without a reference cannot meet anything on one: it gets a key of its own, waits out
   * its window alone and then breaks, instead of piling up with every other blank reference under
   * one hot key.
   */
  public static String of(
      String tenantId, String merchantReference, RecordKind kind, String recordId) {
    String reference = MatchKey.trimmed(merchantReference);
    if (reference.isEmpty()) {
      return MatchKey.of(tenantId, "", kind.name(), recordId);
    }
    return MatchKey.of(tenantId, reference);
  }
}
