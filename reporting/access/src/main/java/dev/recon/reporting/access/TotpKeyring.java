package dev.recon.reporting.access;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The keys that seal TOTP secrets at rest with AES-256-GCM: the current key seals, it and the older
 * keys open (so keys rotate without a flag day). The user id is associated data, so a ciphertext
 * copied into another user's row does not open. Thread-safe; pure apart from the random nonce.
 */
public final class TotpKeyring {

  /** Older keys kept for opening: a rotation or two, not a history. */
  public static final int MAX_OLDER_KEYS = 8;

  static final SecureRandom RANDOM = new SecureRandom();

  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final byte[] AAD_DOMAIN =
      "recon.access.totp-secret.v1".getBytes(StandardCharsets.UTF_8);

  private final TotpKey current;
  private final Map<String, TotpKey> byId;

  private TotpKeyring(TotpKey current, List<TotpKey> older) {
    this.current = Objects.requireNonNull(current, "current");
    if (older.size() > MAX_OLDER_KEYS) {
      throw new IllegalArgumentException("at most " + MAX_OLDER_KEYS + " older TOTP keys");
    }
    Map<String, TotpKey> keys = new LinkedHashMap<>();
    keys.put(current.id(), current);
    for (TotpKey key : older) {
      TotpKey clash = keys.putIfAbsent(key.id(), key);
      if (clash != null && !clash.equals(key)) {
        throw new IllegalArgumentException("two TOTP keys share the id " + key.id());
      }
    }
    this.byId = Map.copyOf(keys);
  }

  /** A ring of one key. */
  public static TotpKeyring of(TotpKey current) {
    return new TotpKeyring(current, List.of());
  }

  /** {@code current} seals; it and {@code older} open. A repeated key is ignored. */
  public static TotpKeyring of(TotpKey current, List<TotpKey> older) {
    return new TotpKeyring(current, List.copyOf(older));
  }

  public TotpKey current() {
    return current;
  }

  /** The ids of every key that opens, the current one first. */
  public List<String> keyIds() {
    List<String> ids = new ArrayList<>();
    ids.add(current.id());
    byId.keySet().stream().filter(id -> !id.equals(current.id())).sorted().forEach(ids::add);
    return ids;
  }

  /** Seals {@code secret} for {@code userId}'s row with the current key and a fresh nonce. */
  public SealedTotpSecret seal(long userId, TotpSecret secret) {
    byte[] nonce = new byte[SealedTotpSecret.NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(
          Cipher.ENCRYPT_MODE,
          current.secretKey(),
          new GCMParameterSpec(SealedTotpSecret.TAG_BITS, nonce));
      cipher.updateAAD(associatedData(userId, current.id()));
      byte[] ciphertext = cipher.doFinal(secret.base32().getBytes(StandardCharsets.US_ASCII));
      return new SealedTotpSecret(current.id(), nonce, ciphertext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }

  /** Opens what {@link #seal} sealed for the same user with any key of the ring. */
  public TotpSecretOpening open(long userId, SealedTotpSecret sealed) {
    TotpKey key = byId.get(sealed.keyId());
    if (key == null) {
      return new TotpSecretOpening.UnknownKey(sealed.keyId());
    }
    byte[] clear;
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(
          Cipher.DECRYPT_MODE,
          key.secretKey(),
          new GCMParameterSpec(SealedTotpSecret.TAG_BITS, sealed.nonce()));
      cipher.updateAAD(associatedData(userId, key.id()));
      clear = cipher.doFinal(sealed.ciphertext());
    } catch (AEADBadTagException e) {
      return new TotpSecretOpening.Refused(sealed.keyId());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
    TotpSecret secret;
    try {
      secret = new TotpSecret(new String(clear, StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      // authentic but not a secret: only a bug in sealing could get here
      return new TotpSecretOpening.Refused(sealed.keyId());
    } finally {
      java.util.Arrays.fill(clear, (byte) 0);
    }
    return new TotpSecretOpening.Opened(secret, !key.id().equals(current.id()));
  }

  /**
   * The associated data: a domain tag, the user id and the key id. The key id is bound too so a
   * row's key id cannot be swapped without the tag failing.
   */
  private static byte[] associatedData(long userId, String keyId) {
    byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
    return ByteBuffer.allocate(AAD_DOMAIN.length + Long.BYTES + id.length)
        .put(AAD_DOMAIN)
        .putLong(userId)
        .put(id)
        .array();
  }

  @Override
  public String toString() {
    return "TotpKeyring" + keyIds();
  }
}
