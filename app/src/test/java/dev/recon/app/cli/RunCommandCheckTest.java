package dev.recon.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code recon run --check}: what a deploy pipeline runs before rolling out a config. It lists
 * every problem of every source at once and starts nothing.
 */
class RunCommandCheckTest {

  @Test
  void aValidConfigIsSummarisedAndNothingStarts(@TempDir Path tmp) throws Exception {
    Path config = tmp.resolve("recon.yaml");
    Files.writeString(
        config,
        """
        reconciliations:
          - {tenant: acme, schedule: "0 7 * * *", inbox: %s, out: %s, expected: ["expected-*.csv"],
             psp: ["adyen-*.csv"], bank: ["camt-*.xml"]}
        reports:
          destination: %s
          schedules:
            - {tenant: acme, kind: daily, schedule: "0 7 * * *", formats: [html, csv]}
            - {tenant: acme, kind: month-end, schedule: "0 6 1 * *", formats: [pdf]}
        """
            .formatted(tmp.resolve("in"), tmp.resolve("out"), tmp.resolve("reports")));
    Path data = tmp.resolve("data");

    CliRun run =
        CliRun.of("run", "--check", "--config", config.toString(), "--data-dir", data.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
    assertThat(run.out())
        .contains("configuration valid (" + config + ")")
        .contains("Kafka embedded, PostgreSQL embedded, Flink local")
        .contains("webhook receiver off, 0 scheduled poll(s)")
        .contains("1 scheduled reconciliation(s), 2 report schedule(s), exports not scheduled")
        .contains("nothing was started");
    assertThat(data).doesNotExist();
    assertThat(tmp.resolve("reports")).doesNotExist();
  }

  @Test
  void platformAndSectionProblemsAreListedTogether(@TempDir Path tmp) throws Exception {
    Path config = tmp.resolve("recon.yaml");
    Files.writeString(
        config,
        """
        reports:
          destination: %s
          schedules:
            - {tenant: acme, kind: weekly, schedule: "0 6 * * *", formats: [html]}
        """
            .formatted(tmp.resolve("reports")));
    Path data = tmp.resolve("data");

    CliRun run =
        CliRun.of(
            "run",
            "--check",
            "--mode",
            "production",
            "--config",
            config.toString(),
            "--data-dir",
            data.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err())
        // the platform's settings (production mode refuses the embedded defaults) ...
        .contains("db.url (RECON_DB_URL, --db-url): not set, so an embedded PostgreSQL")
        // ... and the config file's sections, in one run
        .contains("reports.schedules[0].kind: 'weekly' is not daily or month-end");
    assertThat(run.out()).doesNotContain("configuration valid");
    assertThat(data).doesNotExist();
  }
}
