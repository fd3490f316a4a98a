package dev.recon.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestJsonTest {

  static final String SHA = "a".repeat(64);

  static ExportManifest manifest() {
    return new ExportManifest(
        "postings",
        "acme",
        3,
        Instant.parse("2024-07-01T00:00:00Z"),
        new Watermark(Instant.parse("2024-06-01T10:00:00.123456Z"), "e1"),
        new Watermark(Instant.parse("2024-06-02T10:00:00.000001Z"), "e9"),
        5,
        false,
        List.of(
            new ManifestFile(
                "postings/tenant=acme/date=2024-06-02/part-00000003-00000.parquet",
                ExportFormat.PARQUET,
                LocalDate.parse("2024-06-02"),
                5,
                1234,
                SHA),
            new ManifestFile(
                "postings/tenant=acme/date=2024-06-02/part-00000003-00000.csv",
                ExportFormat.CSV,
                LocalDate.parse("2024-06-02"),
                5,
                300,
                SHA)));
  }

  @Test
  void roundTripsWithMicrosecondWatermarks() {
    ExportManifest m = manifest();
    byte[] json = ManifestJson.write(m);
    assertThat(ManifestJson.read(json)).isEqualTo(m);
    String text = new String(json, StandardCharsets.UTF_8);
    assertThat(text)
        .contains("\"format\" : \"recon-export-manifest/1\"")
        .contains("\"sha256\" : \"" + SHA + "\"")
        .contains("2024-06-02T10:00:00.000001Z");
    assertThat(m.rows(ExportFormat.PARQUET)).isEqualTo(5);
    assertThat(m.rows(ExportFormat.CSV)).isEqualTo(5);
  }

  @Test
  void refusesWhatIsNotAManifest() {
    assertThatThrownBy(
            () -> ManifestJson.read("{\"format\":\"other\"}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ManifestJson.read("not json".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
    String broken =
        new String(ManifestJson.write(manifest()), StandardCharsets.UTF_8).replace(SHA, "xyz");
    assertThatThrownBy(() -> ManifestJson.read(broken.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sha256");
  }

  @Test
  void aWatermarkNeverMovesBack() {
    Watermark later = new Watermark(Instant.parse("2024-06-02T00:00:00Z"), "a");
    Watermark earlier = new Watermark(Instant.parse("2024-06-01T00:00:00Z"), "z");
    assertThatThrownBy(
            () ->
                new ExportManifest(
                    "postings", "acme", 1, Instant.EPOCH, later, earlier, 0, true, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
