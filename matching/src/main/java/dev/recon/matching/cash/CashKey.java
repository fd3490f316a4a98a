package dev.recon.matching.cash;

import dev.recon.matching.model.MatchKey;

/**
 * L4 key: tenant + currency + signed amount. A PSP payout is a bank credit of the same amount; a
 * negative payout (the PSP debits the tenant) meets a debit line.
 */
public final class CashKey {

  private CashKey() {}

  public static String of(String tenantId, String currency, long amountMinor) {
    return MatchKey.of(tenantId, currency, Long.toString(amountMinor));
  }
}
