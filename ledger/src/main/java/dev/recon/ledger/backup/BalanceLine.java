package dev.recon.ledger.backup;

/** Debit and credit totals of one account in one currency, as in the trial balance. */
public record BalanceLine(String account, String currency, long debitMinor, long creditMinor) {}
