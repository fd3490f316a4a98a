package dev.recon.ingestion.webhook.signature;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.ingestion.webhook.signature.SignatureVerdict.Kind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Vectors from {@code openssl dgst -sha256 -hmac generic_recon_secret}. */
class HeaderHmacSignatureTest {

  static final List<byte[]> KEYS = List.of("generic_recon_secret".getBytes(StandardCharsets.UTF_8));
  static final byte[] BODY =
      "{\"event\":\"payout.paid\",\"id\":\"po_77\"}".getBytes(StandardCharsets.UTF_8);
  static final String BODY_SIG =
      "sha256=2d27c30993b5f59f5d9ba6df85a4e380decb565cce79ee23c831f378a6fa4ded";
  static final String TS = "1764064800";
  static final String TS_SIG =
      "sha256=72f49c966fdf9192020347d4d0d4ab9b847e70bd4f7005c0c999a7cd8f43766b";
  static final Instant NOW = Instant.ofEpochSecond(1764064800L + 60);

  static Kind verify(String sig, String ts, byte[] body, boolean requireTimestamp) {
    return HeaderHmacSignature.verify(sig, ts, body, KEYS, NOW, requireTimestamp).kind();
  }

  @Test
  void aBodySignatureVerifies() {
    assertThat(verify(BODY_SIG, null, BODY, false)).isEqualTo(Kind.VALID);
    assertThat(
            verify(
                BODY_SIG.toUpperCase(java.util.Locale.ROOT).replace("SHA256=", "sha256="),
                null,
                BODY,
                false))
        .isEqualTo(Kind.VALID);
  }

  @Test
  void aTimestampedSignatureCoversTheTimestamp() {
    assertThat(verify(TS_SIG, TS, BODY, true)).isEqualTo(Kind.VALID);
    assertThat(verify(TS_SIG, "1764064801", BODY, true)).isEqualTo(Kind.MISMATCH);
    assertThat(verify(BODY_SIG, TS, BODY, false)).isEqualTo(Kind.MISMATCH);
  }

  @Test
  void anEndpointCanDemandATimestamp() {
    assertThat(verify(BODY_SIG, null, BODY, true)).isEqualTo(Kind.MISSING);
  }

  @Test
  void anOldTimestampIsStale() {
    assertThat(
            HeaderHmacSignature.verify(
                    TS_SIG, TS, BODY, KEYS, Instant.ofEpochSecond(1764064800L + 301), false)
                .kind())
        .isEqualTo(Kind.STALE_TIMESTAMP);
  }

  @Test
  void tamperedMissingAndMalformedAreRefused() {
    byte[] tampered =
        "{\"event\":\"payout.paid\",\"id\":\"po_78\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(verify(BODY_SIG, null, tampered, false)).isEqualTo(Kind.MISMATCH);
    assertThat(verify(null, null, BODY, false)).isEqualTo(Kind.MISSING);
    assertThat(verify(BODY_SIG.substring(7), null, BODY, false)).isEqualTo(Kind.MALFORMED);
    assertThat(verify("sha1=" + BODY_SIG.substring(7), null, BODY, false))
        .isEqualTo(Kind.MALFORMED);
    assertThat(verify(TS_SIG, "yesterday", BODY, false)).isEqualTo(Kind.MALFORMED);
  }
}
