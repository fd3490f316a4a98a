/**
 * Evidence packs for a dispute, chargeback or period: source documents, canonical records, matches,
 * exceptions, journal entries and audit events in one zip with a SHA-256 manifest, encrypted with
 * AES-256-GCM; {@link dev.recon.reporting.export.evidence.EvidencePackReader} decrypts and
 * verifies.
 */
package dev.recon.reporting.export.evidence;
