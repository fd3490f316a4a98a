package dev.recon.ingestion.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.schemas.RawRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RawFileTest {
  private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

  @Test
  void sameBytesFromSameTenantAndSourceGetTheSameRawId() {
    byte[] bytes = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
    var origin = new RawFile.Origin("acme", "file:adyen", "adyen", "x.csv", null);
    RawRecord first = RawFile.toRawRecord(origin, bytes, T0, "c1");
    RawRecord second = RawFile.toRawRecord(origin, bytes.clone(), T0.plusSeconds(60), "c2");
    assertThat(first.getRawId()).isEqualTo(second.getRawId());
    assertThat(first.getProvenance().getContentSha256())
        .hasSize(64)
        .isEqualTo(second.getProvenance().getContentSha256());
  }

  @Test
  void differentTenantsOrContentGetDifferentRawIds() {
    byte[] bytes = "x".getBytes(StandardCharsets.UTF_8);
    var a =
        RawFile.toRawRecord(new RawFile.Origin("a", "file:adyen", null, "f", null), bytes, T0, "c");
    var b =
        RawFile.toRawRecord(new RawFile.Origin("b", "file:adyen", null, "f", null), bytes, T0, "c");
    var c =
        RawFile.toRawRecord(
            new RawFile.Origin("a", "file:adyen", null, "f", null),
            "y".getBytes(StandardCharsets.UTF_8),
            T0,
            "c");
    assertThat(a.getRawId()).isNotEqualTo(b.getRawId()).isNotEqualTo(c.getRawId());
  }

  @Test
  void knownSha256() {
    assertThat(RawFile.sha256Hex("abc".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void blankTenantIsRefused() {
    assertThatThrownBy(() -> new RawFile.Origin(" ", "file:x", null, "f", null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
