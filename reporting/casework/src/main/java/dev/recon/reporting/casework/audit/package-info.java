/**
 * The append-only, hash-chained audit trail: {@link dev.recon.reporting.casework.audit.AuditChain}
 * is the pure hash chain, {@link dev.recon.reporting.casework.audit.AuditTrail} appends and
 * verifies.
 */
package dev.recon.reporting.casework.audit;
