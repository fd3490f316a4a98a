package dev.recon.ingestion.api;

import dev.recon.ingestion.store.ConnectorAuditLog;
import dev.recon.ingestion.store.ConnectorOffsets;
import dev.recon.ingestion.store.PublishedObjects;
import dev.recon.ingestion.store.TenantTransactions;
import java.util.Objects;

/** The connector-state stores every poller uses: progress, what was published, and the audit. */
public record ConnectorState(
    ConnectorOffsets offsets, PublishedObjects published, ConnectorAuditLog audit) {

  public ConnectorState {
    Objects.requireNonNull(offsets, "offsets");
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(audit, "audit");
  }

  /** All three over the application role's tenant transactions (row-level security applies). */
  public static ConnectorState of(TenantTransactions tx) {
    return new ConnectorState(
        new ConnectorOffsets(tx), new PublishedObjects(tx), new ConnectorAuditLog(tx));
  }
}
