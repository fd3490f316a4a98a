package dev.recon.reporting.access;

import java.util.Arrays;
import java.util.Objects;

/**
 * A TOTP secret as stored: AES-256-GCM ciphertext (with its tag), the nonce and the id of the key
 * that sealed it. Bound to one user: opened for another, it fails authentication.
 */
public record SealedTotpSecret(String keyId, byte[] nonce, byte[] ciphertext) {

  /** 96 bits, the GCM nonce size NIST SP 800-38D recommends. */
  public static final int NONCE_BYTES = 12;

  public static final int TAG_BITS = 128;

  /** A base32 secret of up to 64 characters plus the tag: anything longer was not sealed here. */
  public static final int MAX_CIPHERTEXT_BYTES = 64 + TAG_BITS / 8;

  public static final int MAX_KEY_ID_LENGTH = 32;

  public SealedTotpSecret {
    Objects.requireNonNull(keyId, "keyId");
    if (keyId.isEmpty() || keyId.length() > MAX_KEY_ID_LENGTH) {
      throw new IllegalArgumentException("key id of 1-" + MAX_KEY_ID_LENGTH + " characters");
    }
    if (nonce == null || nonce.length != NONCE_BYTES) {
      throw new IllegalArgumentException("nonce of " + NONCE_BYTES + " bytes");
    }
    if (ciphertext == null
        || ciphertext.length <= TAG_BITS / 8
        || ciphertext.length > MAX_CIPHERTEXT_BYTES) {
      throw new IllegalArgumentException(
          "ciphertext of at most " + MAX_CIPHERTEXT_BYTES + " bytes");
    }
    nonce = nonce.clone();
    ciphertext = ciphertext.clone();
  }

  @Override
  public byte[] nonce() {
    return nonce.clone();
  }

  @Override
  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SealedTotpSecret other
        && keyId.equals(other.keyId)
        && Arrays.equals(nonce, other.nonce)
        && Arrays.equals(ciphertext, other.ciphertext);
  }

  @Override
  public int hashCode() {
    return Objects.hash(keyId, Arrays.hashCode(nonce), Arrays.hashCode(ciphertext));
  }

  @Override
  public String toString() {
    return "SealedTotpSecret[keyId=" + keyId + ", " + ciphertext.length + " bytes]";
  }
}
