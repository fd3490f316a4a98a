package dev.recon.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.reporting.export.destination.ExportTarget;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ExportLayoutTest {

  @Test
  void partFilesAreHiveStylePartitionsAndManifestsSitApart() {
    assertThat(
            ExportLayout.partFile(
                "postings", "acme", LocalDate.parse("2024-06-01"), 12, 3, ExportFormat.CSV))
        .isEqualTo("postings/tenant=acme/date=2024-06-01/part-00000012-00003.csv");
    assertThat(ExportLayout.manifest("postings", "acme", 12))
        .isEqualTo("postings/_manifests/tenant=acme/run-00000012.json");
    // Zero-padded run numbers sort as numbers do, so the last key listed is the latest run.
    assertThat(ExportLayout.manifest("p", "a", 9)).isLessThan(ExportLayout.manifest("p", "a", 10));
  }

  @Test
  void targetKeysNeverClimbOut() {
    assertThat(ExportTarget.requireKey("a/b=c/d.parquet")).isEqualTo("a/b=c/d.parquet");
    for (String bad :
        new String[] {"../x", "a/../../x", "/abs", "a//b", "a/./b", "a b", "", "a/"}) {
      assertThatThrownBy(() -> ExportTarget.requireKey(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void limitsArePositive() {
    assertThatThrownBy(() -> new ExportLimits(0, 1, 1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ExportLimits(1, 1, 1, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tenantIdsAreCheckedBeforeTheyBecomePaths() {
    assertThatThrownBy(() -> TenantReads.requireTenant("../etc"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TenantReads.requireTenant("a/b"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
