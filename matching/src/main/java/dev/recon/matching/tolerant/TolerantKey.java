package dev.recon.matching.tolerant;

import dev.recon.matching.model.MatchKey;
import java.util.Locale;
import java.util.Optional;

/**
 * L2 key: tenant + PSP + currency, and the normalised reference when every rule for the tenant and
 * PSP compares references the same way (rules that differ, or ignore references, need all leftovers
 * of the currency under one key).
 */
public final class TolerantKey {

  private TolerantKey() {}

  /**
   * @param exactKey the L1 key the record expired under: a reference that normalises to nothing can
   *     match no rule, and keeps its L1 company, so L2 breaks it as L1 would have
   */
  public static String of(
      ToleranceRuleSet rules,
      String tenantId,
      String psp,
      String currency,
      String merchantReference,
      String exactKey) {
    String pspKey = MatchKey.trimmed(psp).toLowerCase(Locale.ROOT);
    Optional<ReferenceNormalisation> shared = rules.sharedReference(tenantId, psp);
    if (shared.isEmpty()) {
      return MatchKey.of(tenantId, pspKey, currency);
    }
    String reference = shared.get().normaliser().normalise(merchantReference);
    if (reference.isEmpty()) {
      return MatchKey.of(tenantId, pspKey, currency, "", exactKey);
    }
    return MatchKey.of(tenantId, pspKey, currency, reference);
  }
}
