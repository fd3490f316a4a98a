package dev.recon.ingestion.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArchiveNamesTest {

  private static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");

  @Test
  void aFreeNameIsKept() {
    assertThat(ArchiveNames.freePath("/archive", "a.csv", p -> false, NOW))
        .isEqualTo("/archive/a.csv");
  }

  @Test
  void aTakenNameGetsATimestampAndThenACounterBeforeTheExtension() {
    Set<String> taken = Set.of("/archive/a.csv", "/archive/a.20261125T101530Z.csv");
    assertThat(ArchiveNames.freePath("/archive", "a.csv", taken::contains, NOW))
        .isEqualTo("/archive/a.20261125T101530Z-2.csv");
    assertThat(ArchiveNames.freePath("/archive", "README", "/archive/README"::equals, NOW))
        .isEqualTo("/archive/README.20261125T101530Z");
  }

  @Test
  void theSearchIsBounded() {
    int[] checks = {0};
    assertThatThrownBy(
            () ->
                ArchiveNames.freePath(
                    "/archive",
                    "a.csv",
                    p -> {
                      checks[0]++;
                      return true;
                    },
                    NOW))
        .isInstanceOf(IllegalStateException.class);
    assertThat(checks[0]).isEqualTo(ArchiveNames.MAX_ATTEMPTS);
  }
}
