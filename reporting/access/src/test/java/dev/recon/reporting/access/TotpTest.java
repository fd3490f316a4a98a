package dev.recon.reporting.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

  private static final byte[] RFC_SECRET =
      "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  /** RFC 6238 appendix B, SHA-1 column, 8 digits. */
  @ParameterizedTest
  @CsvSource({
    "59, 94287082",
    "1111111109, 07081804",
    "1111111111, 14050471",
    "1234567890, 89005924",
    "2000000000, 69279037",
    "20000000000, 65353130"
  })
  void rfc6238Vectors(long epochSeconds, String expected) {
    long step = Totp.step(Instant.ofEpochSecond(epochSeconds));
    assertThat(Totp.code(RFC_SECRET, step, 8, "HmacSHA1")).isEqualTo(expected);
  }

  @Test
  void sixDigitCodeIsTheLastSixOfTheEightDigitOne() {
    assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
  }

  @Test
  void acceptsOneStepOfDriftEitherSideButNotTwo() {
    Instant now = Instant.ofEpochSecond(1_700_000_000L);
    long step = Totp.step(now);
    assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now, -1))
        .hasValue(step - 1);
    assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now, -1))
        .hasValue(step + 1);
    assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), now, -1)).isEmpty();
    assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step + 2), now, -1)).isEmpty();
  }

  @Test
  void aUsedStepCannotBeReplayed() {
    Instant now = Instant.ofEpochSecond(1_700_000_000L);
    long step = Totp.step(now);
    String code = Totp.code(RFC_SECRET, step);
    assertThat(Totp.verify(RFC_SECRET, code, now, step - 1)).hasValue(step);
    assertThat(Totp.verify(RFC_SECRET, code, now, step)).isEmpty();
  }

  @Test
  void refusesMalformedCodes() {
    Instant now = Instant.ofEpochSecond(1_700_000_000L);
    assertThat(Totp.verify(RFC_SECRET, null, now, -1)).isEmpty();
    assertThat(Totp.verify(RFC_SECRET, "12345", now, -1)).isEmpty();
    assertThat(Totp.verify(RFC_SECRET, "12345a", now, -1)).isEmpty();
  }

  @Test
  void base32RoundTripsAndMatchesRfc4648() {
    assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
    assertThat(new String(Base32.decode("mzxw6ytboi======"), StandardCharsets.US_ASCII))
        .isEqualTo("foobar");
    TotpSecret secret = TotpSecret.generate();
    assertThat(secret.bytes()).hasSize(TotpSecret.SECRET_BYTES);
    assertThat(secret.otpauthUri("analyst@acme"))
        .startsWith("otpauth://totp/recon:analyst%40acme?secret=" + secret.base32())
        .contains("digits=6", "period=30", "issuer=recon");
  }
}
