package dev.recon.matching.settlement;

import dev.recon.matching.model.MatchKey;

/** L3 key: tenant + PSP + settlement batch + the currency the batch settles in. */
public final class SettlementKey {

  private SettlementKey() {}

  public static String of(String tenantId, String psp, String batchId, String netCurrency) {
    return MatchKey.of(tenantId, psp, MatchKey.trimmed(batchId), netCurrency);
  }

  /** Rows and payouts without a batch id cannot be settled against each other and skip L3. */
  public static boolean hasBatch(String batchId) {
    return !MatchKey.trimmed(batchId).isEmpty();
  }
}
