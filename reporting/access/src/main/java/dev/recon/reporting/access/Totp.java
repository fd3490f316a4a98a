package dev.recon.reporting.access;

import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** RFC 6238 time-based one-time passwords: HMAC-SHA-1, 6 digits, 30-second steps. Pure. */
public final class Totp {

  public static final int DIGITS = 6;
  public static final long STEP_SECONDS = 30;

  /** Steps accepted either side of now, for clock drift and typing time. */
  public static final int ALLOWED_DRIFT_STEPS = 1;

  private static final int[] POWERS = {
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000
  };

  private Totp() {}

  public static long step(Instant time) {
    return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
  }

  /** The code for one time step, zero-padded to {@link #DIGITS}. */
  public static String code(byte[] secret, long step) {
    return code(secret, step, DIGITS, "HmacSHA1");
  }

  /** RFC 4226 dynamic truncation for any digit count and HMAC algorithm (the RFC's vectors). */
  static String code(byte[] secret, long step, int digits, String hmacAlgorithm) {
    try {
      Mac mac = Mac.getInstance(hmacAlgorithm);
      mac.init(new SecretKeySpec(secret, hmacAlgorithm));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int offset = hash[hash.length - 1] & 0x0f;
      int binary =
          ((hash[offset] & 0x7f) << 24)
              | ((hash[offset + 1] & 0xff) << 16)
              | ((hash[offset + 2] & 0xff) << 8)
              | (hash[offset + 3] & 0xff);
      String text = Integer.toString(binary % POWERS[digits]);
      return "0".repeat(digits - text.length()) + text;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(hmacAlgorithm + " unavailable", e);
    }
  }

  /**
   * The step whose code equals {@code code}, searched within {@link #ALLOWED_DRIFT_STEPS} of now
   * and only among steps after {@code lastUsedStep}, so an accepted code cannot be replayed.
   */
  public static OptionalLong verify(byte[] secret, String code, Instant now, long lastUsedStep) {
    if (code == null || code.length() != DIGITS || !code.chars().allMatch(Character::isDigit)) {
      return OptionalLong.empty();
    }
    long current = step(now);
    for (long step = current - ALLOWED_DRIFT_STEPS; step <= current + ALLOWED_DRIFT_STEPS; step++) {
      if (step > lastUsedStep && SecretTokens.sameSecret(code(secret, step), code)) {
        return OptionalLong.of(step);
      }
    }
    return OptionalLong.empty();
  }
}
