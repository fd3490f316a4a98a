package dev.recon.ingestion.sftp;

import dev.recon.ingestion.store.AuditEntry;
import dev.recon.ingestion.store.AuditOutcome;
import dev.recon.ingestion.store.ConnectorAuditLog;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The audit trail of one SFTP source. Subjects are paths; details never hold file content. */
final class SourceAudit {
  private static final Logger LOG = LoggerFactory.getLogger(SourceAudit.class);

  private final ConnectorAuditLog log;
  private final String tenantId;
  private final String connectorId;

  SourceAudit(ConnectorAuditLog log, SftpSourceConfig config) {
    this.log = log;
    this.tenantId = config.tenantId();
    this.connectorId = config.connectorId();
  }

  void record(String action, String subject, AuditOutcome outcome, String detail) {
    log.record(new AuditEntry(tenantId, connectorId, action, subject, outcome, detail));
  }

  /** Audits, but a database failure here must not hide the failure being audited. */
  void recordQuietly(String action, String subject, AuditOutcome outcome, String detail) {
    try {
      record(action, subject, outcome, detail);
    } catch (DataAccessException e) {
      LOG.error("{}: cannot audit {} {}: {}", connectorId, action, subject, detail, e);
    }
  }
}
