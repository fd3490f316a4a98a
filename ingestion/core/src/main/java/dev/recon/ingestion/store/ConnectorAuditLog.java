package dev.recon.ingestion.store;

import java.util.List;
import java.util.Objects;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only audit trail of connectors, in PostgreSQL (the database rejects UPDATE, DELETE and
 * TRUNCATE) and as a log line. A request for an unknown tenant is audited under {@link
 * #UNKNOWN_TENANT}, as the tenant it claimed is untrusted input.
 */
public final class ConnectorAuditLog {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectorAuditLog.class);

  public static final String UNKNOWN_TENANT = TenantTransactions.UNKNOWN_TENANT;

  private final TenantTransactions tx;

  public ConnectorAuditLog(TenantTransactions tx) {
    this.tx = Objects.requireNonNull(tx, "tx");
  }

  public void record(AuditEntry entry) {
    LOG.info(
        "audit tenant={} connector={} action={} outcome={} subject={} detail={}",
        entry.tenantId(),
        entry.connectorId(),
        entry.action(),
        entry.outcome(),
        entry.subject(),
        entry.detail());
    tx.inTenant(
        entry.tenantId(),
        db ->
            db.execute(
                "insert into ingestion.connector_audit"
                    + " (tenant_id, connector_id, action, subject, outcome, detail)"
                    + " values ({0}, {1}, {2}, {3}, {4}, {5})",
                DSL.val(entry.tenantId()),
                DSL.val(entry.connectorId()),
                DSL.val(entry.action()),
                DSL.val(entry.subject()),
                DSL.val(entry.outcome().name()),
                DSL.val(entry.detail())));
  }

  /** The newest entries of one tenant, newest first. */
  public List<AuditEntry> recent(String tenantId, int limit) {
    return tx.inTenant(
        tenantId,
        db ->
            db.resultQuery(
                    "select tenant_id, connector_id, action, subject, outcome, detail"
                        + " from ingestion.connector_audit where tenant_id = {0}"
                        + " order by audit_id desc limit {1}",
                    DSL.val(tenantId), DSL.val(Math.min(Math.max(limit, 0), 10_000)))
                .fetch(
                    r ->
                        new AuditEntry(
                            r.get(0, String.class),
                            r.get(1, String.class),
                            r.get(2, String.class),
                            r.get(3, String.class),
                            AuditOutcome.valueOf(r.get(4, String.class)),
                            r.get(5, String.class))));
  }
}
