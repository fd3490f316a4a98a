package dev.recon.ingestion.store;

import java.util.Objects;

/**
 * One thing a connector accepted or refused. {@code subject} names what (a path, a message id, a
 * request), never its content; {@code detail} says why, with PII already masked by the caller.
 */
public record AuditEntry(
    String tenantId,
    String connectorId,
    String action,
    String subject,
    AuditOutcome outcome,
    String detail) {

  public static final int MAX_SUBJECT_CHARS = 1024;
  public static final int MAX_DETAIL_CHARS = 4096;

  public AuditEntry {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(connectorId, "connectorId");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(outcome, "outcome");
    subject = clip(Objects.requireNonNullElse(subject, ""), MAX_SUBJECT_CHARS);
    detail = clip(Objects.requireNonNullElse(detail, ""), MAX_DETAIL_CHARS);
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
