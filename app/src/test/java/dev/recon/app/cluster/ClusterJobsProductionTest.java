package dev.recon.app.cluster;

import static dev.recon.app.cluster.ClusterJobsFixture.writeRuntimeProperties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.app.platform.PlatformMode;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Production mode refuses what recon run refuses, every problem in one message. */
class ClusterJobsProductionTest {
  private static final String WEAK_PASSWORD = "recon";

  @TempDir Path dir;

  private ClusterJobsFixture fixture(Map<String, String> env) {
    return new ClusterJobsFixture(env, dir.resolve("absent.json"), Map.of());
  }

  private static final String[] PLAINTEXT_MATCH = {
    "--job", "match",
    "--kafka", "b:9092",
    "--db-url", "jdbc:postgresql://db/recon?sslmode=require",
    "--db-user", "recon_app",
    "--db-password-env", "APP_PW"
  };

  @Test
  void productionModeRefusesEveryWeaknessAtOnce() {
    ClusterJobsFixture fixture = fixture(Map.of("APP_PW", WEAK_PASSWORD));

    assertThatThrownBy(() -> fixture.plan(with("--mode", "production")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "kafka.securityProtocol (RECON_KAFKA_SECURITY_PROTOCOL, --kafka-security-protocol):"
                + " PLAINTEXT sends records and logins unencrypted")
        .hasMessageContaining("--db-url: sslmode=require does not verify the server's certificate")
        .hasMessageContaining("--db-password-env: a well-known default password")
        .satisfies(
            e -> {
              assertThat(
                      Pattern.compile(Pattern.quote("[refused in production mode]"))
                          .matcher(e.getMessage())
                          .results())
                  .hasSize(3);
              assertThat(e.getMessage()).doesNotContain("password=" + WEAK_PASSWORD);
            });
  }

  @Test
  void theModeVariableOfReconRunIsHonoured() {
    ClusterJobsFixture fixture =
        fixture(Map.of("APP_PW", WEAK_PASSWORD, "RECON_MODE", "production"));

    assertThatThrownBy(() -> fixture.plan(PLAINTEXT_MATCH))
        .hasMessageContaining("PLAINTEXT sends records and logins unencrypted")
        .hasMessageContaining("[refused in production mode]");
  }

  @Test
  void developmentModeWarnsOnly() throws Exception {
    ClusterJobs.Plan plan = fixture(Map.of("APP_PW", WEAK_PASSWORD)).plan(PLAINTEXT_MATCH);

    assertThat(plan.config().mode()).isEqualTo(PlatformMode.DEVELOPMENT);
    assertThat(plan.warnings())
        .hasSize(3)
        .anySatisfy(w -> assertThat(w).contains("PLAINTEXT sends records"));
  }

  @Test
  void aLiteralPasswordInTheRuntimePropertiesIsRefusedInProduction() throws Exception {
    Path file =
        writeRuntimeProperties(
            dir.resolve("application_properties.json"),
            Map.of(
                "recon.job", "match",
                "recon.mode", "production",
                "recon.kafka.bootstrap", "b-1.msk:9098",
                "recon.kafka.securityProtocol", "SASL_SSL",
                "recon.kafka.saslMechanism", "AWS_MSK_IAM",
                "recon.db.url", "jdbc:postgresql://rds/recon?sslmode=verify-full",
                "recon.db.appUser", "recon_app",
                "recon.db.appPassword", "b8Wr-10ke-QQ2b-yy1v"));
    ClusterJobsFixture fixture = new ClusterJobsFixture(Map.of(), file, Map.of());

    assertThatThrownBy(fixture::plan)
        .hasMessageContaining(
            "recon.db.appPassword (" + file + "): a secret written in the config file")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("b8Wr-10ke-QQ2b-yy1v"));
  }

  @Test
  void anUnknownModeIsAnError() {
    assertThatThrownBy(() -> fixture(Map.of("APP_PW", "x")).plan(with("--mode", "prod")))
        .hasMessageContaining("--mode: 'prod' is not development or production");
  }

  private static String[] with(String... more) {
    String[] all = new String[PLAINTEXT_MATCH.length + more.length];
    System.arraycopy(PLAINTEXT_MATCH, 0, all, 0, PLAINTEXT_MATCH.length);
    System.arraycopy(more, 0, all, PLAINTEXT_MATCH.length, more.length);
    return all;
  }
}
