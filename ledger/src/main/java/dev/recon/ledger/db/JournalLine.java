package dev.recon.ledger.db;

import java.time.Instant;
import java.util.Objects;

/**
 * One posting with its entry's header: a row of {@code journal.csv}.
 *
 * @param debitMinor debit in minor units of {@code currency}, zero or positive
 * @param creditMinor credit in minor units of {@code currency}, zero or positive
 * @param sourceKind what caused the entry, e.g. MATCH_L1
 * @param sourceId id of the match or decision that caused the entry
 */
public record JournalLine(
    String entryId,
    Instant bookedAt,
    String account,
    long debitMinor,
    long creditMinor,
    String currency,
    String sourceKind,
    String sourceId) {

  public JournalLine {
    Objects.requireNonNull(entryId, "entryId");
    Objects.requireNonNull(bookedAt, "bookedAt");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(sourceKind, "sourceKind");
    Objects.requireNonNull(sourceId, "sourceId");
    if (debitMinor < 0 || creditMinor < 0) {
      throw new IllegalArgumentException(
          "a posting's debit and credit are never negative: " + entryId + " " + account);
    }
    if (debitMinor > 0 && creditMinor > 0) {
      throw new IllegalArgumentException(
          "a posting is a debit or a credit, not both: " + entryId + " " + account);
    }
  }
}
