package dev.recon.reporting.monthend;

import java.time.Instant;
import java.util.Objects;

/**
 * One posting to {@code write_offs} booked in the month.
 *
 * @param sourceId the approved decision that booked it
 * @param counterAccounts the entry's other accounts, comma separated (where the break sat)
 * @param amountMinor debit minus credit on write_offs: positive is a loss written off, negative a
 *     gain (e.g. an unexplained bank credit)
 */
public record WriteOff(
    String entryId,
    Instant bookedAt,
    String sourceId,
    String description,
    String counterAccounts,
    long amountMinor,
    String currency) {

  public WriteOff {
    Objects.requireNonNull(entryId, "entryId");
    Objects.requireNonNull(bookedAt, "bookedAt");
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(currency, "currency");
    description = description == null ? "" : description;
    counterAccounts = counterAccounts == null ? "" : counterAccounts;
  }
}
