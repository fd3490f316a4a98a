package dev.recon.ledger.db;

import java.time.Instant;

/** One posting with its entry's header: a row of {@code journal.csv}. */
public record JournalLine(
    String entryId,
    Instant bookedAt,
    String account,
    long debitMinor,
    long creditMinor,
    String currency,
    String sourceKind,
    String sourceId) {}
