package dev.recon.ledger.archive;

/** Postings, debits and credits of one currency in an archived month (all tenants). */
public record CurrencyTotal(String currency, long postings, long debitMinor, long creditMinor) {}
