package dev.recon.ledger.backup;

import java.util.List;
import java.util.Objects;

/**
 * The ledger's own check figures, all taken in one snapshot: what a restored ledger must show
 * again.
 *
 * @param snapshotAt ISO-8601 instant at which the snapshot was taken
 * @param tenants sorted by tenant id
 */
public record LedgerFigures(
    String snapshotAt, long entries, long postings, List<TenantFigures> tenants) {

  public LedgerFigures {
    Objects.requireNonNull(snapshotAt, "snapshotAt");
    tenants = List.copyOf(tenants);
  }
}
