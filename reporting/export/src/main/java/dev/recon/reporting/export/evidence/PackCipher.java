package dev.recon.reporting.export.evidence;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM over the whole archive. Layout: a header, then the ciphertext with its 128-bit tag.
 * The header is authenticated too (GCM additional data), so neither the body nor the format version
 * or key id can be changed without the tag failing.
 *
 * <pre>
 *   "RECONEVP" | version (1 byte) | key id length (1 byte) | key id (ASCII) | nonce (12 bytes)
 * </pre>
 */
final class PackCipher {

  static final byte[] MAGIC = "RECONEVP".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 1;
  static final int NONCE_BYTES = 12;
  static final int TAG_BITS = 128;

  private static final SecureRandom RANDOM = new SecureRandom();

  private PackCipher() {}

  /** The header's fields, as read from a pack; {@code length} is the header's size in bytes. */
  static final class Header {
    private final String keyId;
    private final byte[] nonce;
    private final int length;

    Header(String keyId, byte[] nonce, int length) {
      this.keyId = keyId;
      this.nonce = nonce.clone();
      this.length = length;
    }

    String keyId() {
      return keyId;
    }

    byte[] nonce() {
      return nonce.clone();
    }

    int length() {
      return length;
    }
  }

  static byte[] encrypt(byte[] plain, EvidenceKey key) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    byte[] header = header(key.keyId(), nonce);
    try {
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(Cipher.ENCRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
      gcm.updateAAD(header);
      byte[] body = gcm.doFinal(plain);
      return ByteBuffer.allocate(header.length + body.length).put(header).put(body).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    }
  }

  /** The header, or empty if the bytes do not start with one of a known version. */
  static Optional<Header> header(byte[] pack) {
    int fixed = MAGIC.length + 2;
    if (pack.length < fixed || !Arrays.equals(pack, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      return Optional.empty();
    }
    int version = pack[MAGIC.length] & 0xff;
    int idLength = pack[MAGIC.length + 1] & 0xff;
    int length = fixed + idLength + NONCE_BYTES;
    if (version != VERSION || idLength == 0 || pack.length < length + TAG_BITS / 8) {
      return Optional.empty();
    }
    String keyId = new String(pack, fixed, idLength, StandardCharsets.US_ASCII);
    byte[] nonce = Arrays.copyOfRange(pack, fixed + idLength, length);
    return Optional.of(new Header(keyId, nonce, length));
  }

  /** The plain bytes, or empty if the tag does not verify (wrong key, or changed bytes). */
  static Optional<byte[]> decrypt(byte[] pack, Header header, EvidenceKey key) {
    try {
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(
          Cipher.DECRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, header.nonce()));
      gcm.updateAAD(pack, 0, header.length());
      return Optional.of(gcm.doFinal(pack, header.length(), pack.length - header.length()));
    } catch (AEADBadTagException e) {
      return Optional.empty();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    }
  }

  private static byte[] header(String keyId, byte[] nonce) {
    byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(MAGIC);
    out.write(VERSION);
    out.write(id.length);
    out.writeBytes(id);
    out.writeBytes(nonce);
    return out.toByteArray();
  }
}
