package dev.recon.ingestion.webhook;

import dev.recon.ingestion.store.AuditOutcome;

/**
 * Every way a delivery can end, with the HTTP status the PSP gets and how it is audited. Only
 * ACCEPTED and DUPLICATE answer 2xx; a 5xx makes the PSP retry, a 4xx tells it not to bother.
 */
public enum WebhookOutcome {
  ACCEPTED(200, AuditOutcome.ACCEPTED, "accepted"),
  DUPLICATE(200, AuditOutcome.DUPLICATE, "accepted (already received)"),
  MALFORMED_EVENT(400, AuditOutcome.REJECTED, "body is not a readable event"),
  SIGNATURE_MISSING(401, AuditOutcome.REJECTED, "signature required"),
  SIGNATURE_INVALID(401, AuditOutcome.REJECTED, "signature rejected"),
  TIMESTAMP_STALE(401, AuditOutcome.REJECTED, "signature rejected"),
  UNKNOWN_TENANT(404, AuditOutcome.REJECTED, "not found"),
  UNKNOWN_PSP(404, AuditOutcome.REJECTED, "not found"),
  METHOD_NOT_ALLOWED(405, AuditOutcome.REJECTED, "method not allowed"),
  BODY_TOO_LARGE(413, AuditOutcome.REJECTED, "body too large"),
  UNSUPPORTED_MEDIA_TYPE(415, AuditOutcome.REJECTED, "content type must be application/json"),
  RATE_LIMITED(429, AuditOutcome.REJECTED, "too many requests"),
  SECRET_UNAVAILABLE(503, AuditOutcome.FAILED, "temporarily unavailable"),
  STORE_UNAVAILABLE(503, AuditOutcome.FAILED, "temporarily unavailable"),
  PUBLISH_FAILED(503, AuditOutcome.FAILED, "temporarily unavailable");

  private final int status;
  private final AuditOutcome audit;
  private final String publicReason;

  WebhookOutcome(int status, AuditOutcome audit, String publicReason) {
    this.status = status;
    this.audit = audit;
    this.publicReason = publicReason;
  }

  public int status() {
    return status;
  }

  public AuditOutcome audit() {
    return audit;
  }

  /** What the caller is told: never which secret, check or limit detail failed. */
  public String publicReason() {
    return publicReason;
  }

  public boolean acknowledged() {
    return status >= 200 && status < 300;
  }
}
