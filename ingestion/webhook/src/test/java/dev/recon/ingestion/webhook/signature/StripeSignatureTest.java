package dev.recon.ingestion.webhook.signature;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.ingestion.webhook.signature.SignatureVerdict.Kind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Vectors computed outside Java with {@code printf '%s' "$t.$body" | openssl dgst -sha256 -hmac
 * "$secret"}.
 */
class StripeSignatureTest {

  static final String SECRET = "whsec_recon_test_secret";
  static final String ROTATED = "whsec_recon_rotated_secret";
  static final long T = 1764064800L; // 2025-11-25T10:00:00Z
  static final byte[] BODY =
      "{\"id\":\"evt_1QxRecon\",\"object\":\"event\",\"type\":\"charge.succeeded\"}"
          .getBytes(StandardCharsets.UTF_8);
  static final String SIG = "de2f0fc8386b7514e8cd7baad6c6d356ada5bf8cb165bae0d642b51b4987cda1";
  static final String SIG_ROTATED =
      "7cd450fbbf64fab68f528b10066b43bde25d6144743c94134a1aa9a571919dec";
  static final Instant NOW = Instant.ofEpochSecond(T + 10);

  static List<byte[]> keys(String... secrets) {
    return java.util.Arrays.stream(secrets).map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
  }

  static Kind verify(String header, byte[] body, List<byte[]> keys, Instant now) {
    return StripeSignature.verify(header, body, keys, now).kind();
  }

  @Test
  void theComputedVectorVerifies() {
    assertThat(verify("t=" + T + ",v1=" + SIG, BODY, keys(SECRET), NOW)).isEqualTo(Kind.VALID);
  }

  @Test
  void anyOfSeveralV1SignaturesMayMatchWhileStripeRollsTheSecret() {
    String header = "t=" + T + ",v1=" + SIG_ROTATED + ",v1=" + SIG + ",v0=abc";
    assertThat(verify(header, BODY, keys(SECRET), NOW)).isEqualTo(Kind.VALID);
  }

  @Test
  void eitherOfTwoConfiguredSecretsVerifiesDuringOurRotation() {
    assertThat(verify("t=" + T + ",v1=" + SIG_ROTATED, BODY, keys(SECRET, ROTATED), NOW))
        .isEqualTo(Kind.VALID);
    assertThat(verify("t=" + T + ",v1=" + SIG_ROTATED, BODY, keys(SECRET), NOW))
        .isEqualTo(Kind.MISMATCH);
  }

  @Test
  void aTamperedBodyOrWrongSecretIsAMismatch() {
    byte[] tampered = BODY.clone();
    tampered[tampered.length - 3] ^= 1;
    assertThat(verify("t=" + T + ",v1=" + SIG, tampered, keys(SECRET), NOW))
        .isEqualTo(Kind.MISMATCH);
    assertThat(verify("t=" + T + ",v1=" + SIG, BODY, keys("whsec_other"), NOW))
        .isEqualTo(Kind.MISMATCH);
    assertThat(verify("t=" + (T + 1) + ",v1=" + SIG, BODY, keys(SECRET), NOW))
        .isEqualTo(Kind.MISMATCH);
  }

  @Test
  void theToleranceIsFiveMinutesInBothDirections() {
    String header = "t=" + T + ",v1=" + SIG;
    long tolerance = StripeSignature.TOLERANCE.toSeconds();
    assertThat(tolerance).isEqualTo(300);
    assertThat(verify(header, BODY, keys(SECRET), Instant.ofEpochSecond(T + tolerance)))
        .isEqualTo(Kind.VALID);
    assertThat(verify(header, BODY, keys(SECRET), Instant.ofEpochSecond(T - tolerance)))
        .isEqualTo(Kind.VALID);
    assertThat(verify(header, BODY, keys(SECRET), Instant.ofEpochSecond(T + tolerance + 1)))
        .isEqualTo(Kind.STALE_TIMESTAMP);
    assertThat(verify(header, BODY, keys(SECRET), Instant.ofEpochSecond(T - tolerance - 1)))
        .isEqualTo(Kind.STALE_TIMESTAMP);
  }

  @Test
  void aForgedOldRequestIsAMismatchNotStale() {
    // The signature is checked first: "stale" is reserved for genuine replays.
    assertThat(
            verify(
                "t=" + T + ",v1=" + SIG_ROTATED,
                BODY,
                keys(SECRET),
                Instant.ofEpochSecond(T + 3600)))
        .isEqualTo(Kind.MISMATCH);
  }

  @Test
  void missingAndUnreadableHeadersAreRefused() {
    assertThat(verify(null, BODY, keys(SECRET), NOW)).isEqualTo(Kind.MISSING);
    assertThat(verify(" ", BODY, keys(SECRET), NOW)).isEqualTo(Kind.MISSING);
    assertThat(verify("v1=" + SIG, BODY, keys(SECRET), NOW)).isEqualTo(Kind.MALFORMED);
    assertThat(verify("t=abc,v1=" + SIG, BODY, keys(SECRET), NOW)).isEqualTo(Kind.MALFORMED);
    assertThat(verify("t=" + T, BODY, keys(SECRET), NOW)).isEqualTo(Kind.MALFORMED);
    assertThat(verify("t=" + T + ",v0=" + SIG, BODY, keys(SECRET), NOW)).isEqualTo(Kind.MALFORMED);
    assertThat(verify("t=" + T + ",v1=zz" + SIG.substring(2), BODY, keys(SECRET), NOW))
        .isEqualTo(Kind.MALFORMED);
    assertThat(verify("t=" + T + ",t=" + T + ",v1=" + SIG, BODY, keys(SECRET), NOW))
        .isEqualTo(Kind.MALFORMED);
  }

  @Test
  void headerSizeAndSignatureCountAreLimited() {
    String tooLong = "t=" + T + ",v1=" + SIG + "," + "x".repeat(StripeSignature.MAX_HEADER_CHARS);
    assertThat(verify(tooLong, BODY, keys(SECRET), NOW)).isEqualTo(Kind.MALFORMED);

    StringBuilder many = new StringBuilder("t=" + T);
    for (int i = 0; i < StripeSignature.MAX_V1_SIGNATURES; i++) {
      many.append(",v1=").append(SIG_ROTATED);
    }
    assertThat(verify(many + ",v1=" + SIG, BODY, keys(SECRET), NOW)).isEqualTo(Kind.MALFORMED);
    assertThat(verify(many.toString(), BODY, keys(ROTATED), NOW)).isEqualTo(Kind.VALID);
  }

  @Test
  void noConfiguredSecretVerifiesNothing() {
    assertThat(verify("t=" + T + ",v1=" + SIG, BODY, List.of(), NOW)).isEqualTo(Kind.MISMATCH);
  }
}
