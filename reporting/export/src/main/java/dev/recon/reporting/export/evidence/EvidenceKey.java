package dev.recon.reporting.export.evidence;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * An AES-256 key and the id under which it is kept (e.g. the secret reference's name and version),
 * which the pack's header names so that the reader can pick the key. The caller resolves the key
 * from its secret store; this class never logs or prints it.
 */
public final class EvidenceKey {

  public static final int KEY_BYTES = 32;
  public static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._:/-]{1,64}");

  private final String keyId;
  private final byte[] key;

  public EvidenceKey(String keyId, byte[] key) {
    if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
      throw new IllegalArgumentException("key id must match " + KEY_ID.pattern());
    }
    Objects.requireNonNull(key, "key");
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException("an AES-256 key has " + KEY_BYTES + " bytes");
    }
    this.keyId = keyId;
    this.key = key.clone();
  }

  public String keyId() {
    return keyId;
  }

  SecretKey secretKey() {
    return new SecretKeySpec(key, "AES");
  }

  /** Overwrites the key bytes held here. */
  public void destroy() {
    Arrays.fill(key, (byte) 0);
  }

  @Override
  public String toString() {
    return "EvidenceKey[" + keyId + "]";
  }
}
