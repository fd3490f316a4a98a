package dev.recon.ingestion.store;

/** How a connector ended one piece of work. */
public enum AuditOutcome {
  ACCEPTED,
  DUPLICATE,
  REJECTED,
  QUARANTINED,
  FAILED
}
