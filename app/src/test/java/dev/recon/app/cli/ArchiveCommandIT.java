package dev.recon.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The command's wiring; archiving itself is proven in the ledger's LedgerArchiveIT. */
class ArchiveCommandIT {

  @TempDir Path tmp;

  @Test
  @Timeout(120)
  void theCurrentMonthIsRefusedAsTooRecentAndNothingIsWritten() {
    YearMonth now = YearMonth.now(ZoneOffset.UTC);
    CliRun run =
        CliRun.of(
            "archive",
            "--month",
            now.toString(),
            "--dir",
            tmp.resolve("archive").toString(),
            "--data-dir",
            tmp.resolve("data").toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.COULD_NOT_RUN);
    assertThat(run.err()).contains(now + " not archived: TOO_RECENT");
  }

  @Test
  void aMinimumAgeBelowOneMonthIsAUsageError() {
    CliRun run =
        CliRun.of(
            "archive", "--month", "2026-01", "--dir", tmp.toString(), "--min-age-months", "0");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
  }
}
