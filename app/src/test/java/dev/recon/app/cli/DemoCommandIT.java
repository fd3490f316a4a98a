package dev.recon.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.app.observability.ProcessMetrics;
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
            "2026-09-14",
            "--metrics-port",
            "0",
            "--ui-port",
            "0");
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
    assertThat(run.out()).contains("metrics: GET http://127.0.0.1:").contains("web UI: http://");
    // one user per role and tenant, each with a password and a TOTP secret to sign in with
    for (String tenant : List.of("acme", "globex")) {
      for (String role : List.of("viewer", "analyst", "approver", "admin")) {
        assertThat(run.out())
            .containsPattern(
                "(?i)" + role + "\\s+" + role + "@" + tenant + "\\s+password \\S{12,}\\s+TOTP");
      }
    }

    // The demo's jobs and connectors ran in this JVM: the process's /metrics shows what they did.
    String scrape = ProcessMetrics.registry().scrape();
    for (String level : List.of("L1", "L3", "L4")) {
      assertThat(count(scrape, "recon_matches_total", "level=\"" + level + "\""))
          .as("matches at " + level)
          .isPositive();
    }
    assertThat(count(scrape, "recon_breaks_total", "reason=")).as("breaks").isPositive();
    // the open-break gauges were refreshed once at start-up, after the runs stored their breaks
    for (String tenant : List.of("acme", "globex")) {
      assertThat(count(scrape, "recon_breaks_open_count", "tenant=\"" + tenant + "\""))
          .as("open breaks of " + tenant)
          .isPositive();
      assertThat(count(scrape, "recon_breaks_open_amount_minor", "tenant=\"" + tenant + "\""))
          .as("amount at risk of " + tenant)
          .isPositive();
    }
    assertThat(count(scrape, "recon_ledger_entries_written_total", "")).isPositive();
    assertThat(count(scrape, "recon_ledger_write_batches_total", "")).isPositive();
    assertThat(scrape).contains("recon_ledger_write_millis_total");
    assertThat(count(scrape, "flink_job_number_of_completed_checkpoints", ""))
        .as(scrape.lines().filter(l -> l.startsWith("flink_")).toList().toString())
        .isPositive();
    assertThat(scrape).contains("flink_job_last_checkpoint_duration");
    assertThat(count(scrape, "recon_ingest_records_total", "source=\"sftp:")).isPositive();
    // every connector's records were normalized by the bounded runs: none is behind
    List<String> lags =
        scrape.lines().filter(l -> l.startsWith("recon_connector_lag_seconds{")).toList();
    assertThat(lags).as("connector lag series").anyMatch(l -> l.contains("connector=\"sftp:"));
    assertThat(lags).as("connector lag after the runs").allMatch(l -> l.endsWith(" 0.0"));
    assertThat(scrape)
        .as("circuit breaker states of the API connectors")
        .contains("resilience4j_circuitbreaker_state");
  }

  /** The sum of a metric's samples whose labels contain {@code label}. */
  private static double count(String scrape, String metric, String label) {
    double sum = 0;
    for (String line : scrape.split("\n")) {
      if (line.startsWith(metric + "{") && line.contains(label)) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }
}
