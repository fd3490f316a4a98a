package dev.recon.reporting.web;

import dev.recon.reporting.casework.audit.AuditTrail;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where the web layer writes user actions to the audit trail: logins, logouts,
 * administration, downloads. Casework actions (assign, comment, propose, approve, reject) are
 * audited by casework itself, in the same transaction as the action.
 */
final class ActionAudit {
  private static final Logger LOG = LoggerFactory.getLogger("dev.recon.reporting.web.audit");

  private final AuditTrail trail;

  ActionAudit(AuditTrail trail) {
    this.trail = trail;
  }

  /**
   * @param tenantId the tenant the action was in; null for steps before a tenant applies (the
   *     password and TOTP steps), which are logged only; a completed login is recorded in every
   *     tenant of the user
   * @param action upper-case words joined by underscores, e.g. {@code API_KEY_CREATED}
   */
  void record(String tenantId, String actor, String action, String subject, Map<String, ?> detail) {
    LOG.info(
        "audit tenant={} actor={} action={} subject={} detail={}",
        tenantId,
        actor,
        action,
        subject,
        detail);
    if (tenantId != null) {
      trail.append(tenantId, actor, action, subject, detail);
    }
  }
}
