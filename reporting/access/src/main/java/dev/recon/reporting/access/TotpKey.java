package dev.recon.reporting.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * An AES-256 key that seals TOTP secrets at rest. Its id is a fingerprint of the key (not the key):
 * stored next to each ciphertext so that, after a rotation, the key that sealed a row is found.
 */
public final class TotpKey {

  /** AES-256. */
  public static final int KEY_BYTES = 32;

  /** 64 bits of SHA-256 over the key: enough to tell a handful of keys apart, useless to guess. */
  static final int ID_BYTES = 8;

  private static final byte[] ID_DOMAIN =
      "recon.access.totp-key-id.v1".getBytes(StandardCharsets.UTF_8);

  private final String id;
  private final SecretKey key;

  private TotpKey(byte[] material) {
    if (material.length != KEY_BYTES) {
      throw new IllegalArgumentException(
          "a TOTP key must be "
              + KEY_BYTES
              + " bytes (AES-256), base64-encoded; this one is "
              + material.length
              + " bytes");
    }
    this.key = new SecretKeySpec(material.clone(), "AES");
    this.id = fingerprint(material);
  }

  /** The key from its raw {@value #KEY_BYTES} bytes. */
  public static TotpKey of(byte[] material) {
    return new TotpKey(material);
  }

  /**
   * The key from base64 (standard or URL-safe alphabet, padding optional), e.g. the output of
   * {@code openssl rand -base64 32}.
   *
   * @throws IllegalArgumentException if the text is not base64 or not {@value #KEY_BYTES} bytes;
   *     the message never contains the text
   */
  public static TotpKey fromBase64(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("the TOTP key is empty");
    }
    String compact = text.strip().replace('-', '+').replace('_', '/');
    byte[] material;
    try {
      material = Base64.getDecoder().decode(compact);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the TOTP key is not base64 (generate one with: openssl rand -base64 32)", null);
    }
    try {
      return new TotpKey(material);
    } finally {
      Arrays.fill(material, (byte) 0);
    }
  }

  /** A fresh random key (development: kept in the data folder by the caller). */
  public static TotpKey generate() {
    byte[] material = new byte[KEY_BYTES];
    TotpKeyring.RANDOM.nextBytes(material);
    try {
      return new TotpKey(material);
    } finally {
      Arrays.fill(material, (byte) 0);
    }
  }

  /** The base64 text {@link #fromBase64} reads back: for writing a generated key to a file. */
  public String toBase64() {
    return Base64.getEncoder().encodeToString(key.getEncoded());
  }

  /** The fingerprint stored with each ciphertext: 16 lower-case hex characters. */
  public String id() {
    return id;
  }

  SecretKey secretKey() {
    return key;
  }

  private static String fingerprint(byte[] material) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(ID_DOMAIN);
      sha.update(material);
      return HexFormat.of().formatHex(Arrays.copyOf(sha.digest(), ID_BYTES));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TotpKey other
        && MessageDigest.isEqual(key.getEncoded(), other.key.getEncoded());
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "TotpKey[id=" + id + "]";
  }
}
