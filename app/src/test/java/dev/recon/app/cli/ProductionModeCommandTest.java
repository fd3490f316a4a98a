package dev.recon.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --mode production} stops a command before anything starts, listing every problem and no
 * secret. (The commands read the real environment: the file and flags carry the bad settings.)
 */
class ProductionModeCommandTest {
  private static final String DB_PASSWORD = "postgres";
  private static final String SASL_PASSWORD = "hunter2-but-in-plain-sight";

  @TempDir Path dir;

  private Path badConfig() throws Exception {
    return Files.writeString(
        dir.resolve("recon.yaml"),
        String.join(
            "\n",
            "kafka:",
            "  bootstrap: 127.0.0.1:1",
            "  securityProtocol: SASL_PLAINTEXT",
            "  saslMechanism: SCRAM-SHA-256",
            "  saslUsername: recon",
            "  saslPassword: " + SASL_PASSWORD,
            "db:",
            "  user: owner",
            "  password: " + DB_PASSWORD,
            "  appUser: app",
            "  appPassword: env:RECON_TEST_SURELY_UNSET_VARIABLE",
            ""));
  }

  @Test
  void migrateInProductionModeRefusesEveryProblemAtOnce() throws Exception {
    Path config = badConfig();

    CliRun run = CliRun.of("migrate", "--mode", "production", "--config", config.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err())
        .as(run.toString())
        .contains(config + ": kafka.securityProtocol: SASL_PLAINTEXT sends")
        .contains(config + ": kafka.saslPassword: a secret written in the config file")
        .contains("flink.jobManager (RECON_FLINK, --flink): not set")
        .contains("db.url (RECON_DB_URL, --db-url): not set, so an embedded PostgreSQL")
        .contains(config + ": db.appPassword: secret reference cannot be resolved")
        .doesNotContain(SASL_PASSWORD)
        .doesNotContain(": " + DB_PASSWORD);
    assertThat(run.out()).doesNotContain("migrated");
  }

  @Test
  void theModeFlagIsValidated() {
    CliRun run = CliRun.of("migrate", "--mode", "staging");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--mode: 'staging' is not development or production");
  }

  @Test
  void helpDocumentsThePrecedenceAndTheMode() {
    CliRun run = CliRun.of("run", "--help");

    assertThat(run.out())
        .contains("--mode")
        .contains("RECON_* environment variable")
        .contains("--kafka-security-protocol");
  }
}
