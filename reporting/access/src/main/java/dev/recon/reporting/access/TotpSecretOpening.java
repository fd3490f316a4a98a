package dev.recon.reporting.access;

/** What opening a {@link SealedTotpSecret} came to. */
public sealed interface TotpSecretOpening {

  /**
   * The secret.
   *
   * @param stale sealed with an older key of the ring: re-seal it with the current one
   */
  record Opened(TotpSecret secret, boolean stale) implements TotpSecretOpening {}

  /** Sealed with a key the ring does not hold (rotated out, or a different installation's key). */
  record UnknownKey(String keyId) implements TotpSecretOpening {}

  /**
   * The key is known but authentication failed: the ciphertext was altered, or belongs to another
   * user's row.
   */
  record Refused(String keyId) implements TotpSecretOpening {}
}
