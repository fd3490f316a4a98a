package dev.recon.reporting;

/**
 * Totals in one currency; amounts of different currencies are never added together.
 *
 * @param recordsMatched distinct matched records in this currency
 * @param breaks exceptions in this currency
 * @param atRiskMinor absolute amounts of those exceptions
 * @param journalDebitMinor sum of journal debits in this currency
 * @param journalCreditMinor sum of journal credits in this currency
 */
public record CurrencySummary(
    String currency,
    long recordsMatched,
    long breaks,
    long atRiskMinor,
    long journalDebitMinor,
    long journalCreditMinor) {}
