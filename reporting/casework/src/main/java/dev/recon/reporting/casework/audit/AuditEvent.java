package dev.recon.reporting.casework.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One event of a tenant's audit trail, as stored.
 *
 * @param seq 1-based position in the tenant's chain, without gaps
 * @param prevHash hex SHA-256 of the previous event ({@link AuditChain#GENESIS} for the first)
 * @param hash hex SHA-256 over {@code prevHash} and the canonical event ({@link AuditChain#hash})
 * @param actor a user id, or {@code system:<component>}
 * @param detail a JSON object, hashed exactly as stored
 */
public record AuditEvent(
    String tenantId,
    long seq,
    String prevHash,
    String hash,
    Instant at,
    String actor,
    String action,
    String subject,
    String detail) {

  public AuditEvent {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(prevHash, "prevHash");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(detail, "detail");
  }

  /** The hash this event's content gives, whatever is stored in {@link #hash}. */
  public String computedHash() {
    return AuditChain.hash(prevHash, tenantId, seq, at, actor, action, subject, detail);
  }
}
