package dev.recon.ingestion.webhook.signature;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 and the constant-time comparison every scheme shares. */
final class HmacSha256 {

  static final int TAG_BYTES = 32;

  private HmacSha256() {}

  static byte[] tag(byte[] key, byte[]... parts) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      for (byte[] part : parts) {
        mac.update(part);
      }
      return mac.doFinal();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException("unusable HMAC key", e);
    }
  }

  /**
   * True when any key signs the parts into any of the presented tags. Every pair is compared in
   * constant time and none is skipped after a match, so timing tells nothing about which matched.
   */
  static boolean anyMatches(List<byte[]> keys, List<byte[]> presented, byte[]... parts) {
    boolean matched = false;
    for (byte[] key : keys) {
      byte[] expected = tag(key, parts);
      for (byte[] candidate : presented) {
        matched |= MessageDigest.isEqual(expected, candidate);
      }
    }
    return matched;
  }
}
