package dev.recon.ledger.db;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The deliveries behind one journal entry: the correlation ids the logs of the webhook, file or
 * mail that brought its records carry.
 *
 * @param correlationIds sorted and distinct; empty when none is known (entries written before the
 *     ledger kept them, manual decisions)
 */
public record EntryCorrelation(
    String entryId,
    Instant bookedAt,
    String sourceKind,
    String sourceId,
    List<String> correlationIds) {

  public EntryCorrelation {
    Objects.requireNonNull(entryId, "entryId");
    Objects.requireNonNull(bookedAt, "bookedAt");
    Objects.requireNonNull(sourceKind, "sourceKind");
    Objects.requireNonNull(sourceId, "sourceId");
    correlationIds = List.copyOf(correlationIds);
  }
}
