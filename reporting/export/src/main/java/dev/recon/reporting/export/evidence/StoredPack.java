package dev.recon.reporting.export.evidence;

/**
 * A pack as stored.
 *
 * @param key where it is in the target
 * @param sha256 digest of the stored (encrypted) bytes, for a chain-of-custody record
 */
public record StoredPack(String key, long bytes, String sha256, EvidenceManifest manifest) {}
