package dev.recon.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command, {@code recon demo}, run to completion as a user would. */
class DemoCommandIT {

  @Test
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void reconcilesBothTenantsWritesTheReportsAndLeavesTheLedgerBalanced(@TempDir Path dir) {
    Path out = dir.resolve("recon-out");
    CliRun run =
        CliRun.of(
            "demo",
            "--exit",
            "--out",
            out.toString(),
            "--data-dir",
            dir.resolve("recon-data").toString(),
            "--business-date",
            "2026-09-14");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(out.resolve("report.html")).isNotEmptyFile();
    for (String tenant : List.of("acme", "globex")) {
      for (String file :
          List.of("matches.csv", "exceptions.csv", "journal.csv", "report.html", "summary.json")) {
        assertThat(out.resolve(tenant).resolve(file)).as(tenant + "/" + file).isNotEmptyFile();
      }
    }
    assertThat(Pattern.compile("balanced: yes").matcher(run.out()).results().count())
        .as(run.toString())
        .isEqualTo(2);
    assertThat(run.out()).doesNotContain("balanced: NO").contains("Look at:");
    // globex's input arrives through every connector kind, one record each
    assertThat(run.out())
        .contains(
            "tenant globex: arrived through the connectors: {api:adyen=1, email:INBOX=1,"
                + " sftp:erp-expected-payments=1, webhook:stripe=1}");
  }
}
