package dev.recon.matching.link;

import dev.recon.matching.model.MatchKey;
import dev.recon.matching.model.PspTransaction;
import dev.recon.schemas.RecordKind;

/**
 * Key of the capture link: tenant + PSP + the original capture's PSP reference. A refund or
 * chargeback that names no original gets a key of its own, waits out its window alone and breaks.
 */
public final class LinkKey {

  private LinkKey() {}

  public static String of(PspTransaction t) {
    String reference =
        OriginalLinkRule.isCapture(t.type()) ? t.captureReference() : t.originalReference();
    if (reference == null || reference.isBlank()) {
      return MatchKey.of(
          t.tenantId(), t.psp() == null ? "" : t.psp(), "", RecordKind.PSP_TXN.name(), t.eventId());
    }
    return MatchKey.of(t.tenantId(), t.psp() == null ? "" : t.psp(), reference.strip());
  }
}
