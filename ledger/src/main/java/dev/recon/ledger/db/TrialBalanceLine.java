package dev.recon.ledger.db;

import dev.recon.ledger.chart.AccountType;

/** Totals of one account in one currency. */
public record TrialBalanceLine(
    String account, AccountType accountType, String currency, long debitMinor, long creditMinor) {

  /** Debits minus credits: positive is a debit balance. */
  public long balanceMinor() {
    return Math.subtractExact(debitMinor, creditMinor);
  }
}
