package dev.recon.app.cluster;

import static dev.recon.app.cluster.ClusterJobsFixture.writeRuntimeProperties;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.app.platform.PlatformSetting;
import dev.recon.app.platform.TestKafkaCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Passwords reach the Kafka clients and the ledger sink, never arguments, logs or errors. */
class ClusterJobsSecrecyTest {
  private static final String DB_PASSWORD = "db-Pw-long-enough-0001";
  private static final String KAFKA_PASSWORD = "k4fka-Pw-long-enough-1";
  private static final String TRUSTSTORE_PASSWORD = "trust-Pw-long-enough-2";

  @TempDir Path dir;

  @Test
  void theArgumentsPassedOnNameOnlyWhereThePasswordsAre() {
    KafkaSecurityOptions options = new KafkaSecurityOptions();
    new CommandLine(options)
        .parseArgs(
            "--kafka-security-protocol=SASL_SSL",
            "--kafka-sasl-mechanism=SCRAM-SHA-512",
            "--kafka-sasl-username=recon",
            "--kafka-sasl-password-env=KAFKA_PW",
            "--kafka-truststore=/etc/kafka/ca.p12",
            "--kafka-truststore-password-file=/run/secrets/truststore",
            "--kafka-keystore=/etc/kafka/client.p12",
            "--kafka-keystore-password-env=KEYSTORE_PW");

    assertThat(options.arguments())
        .containsExactly(
            "--kafka-security-protocol",
            "SASL_SSL",
            "--kafka-sasl-mechanism",
            "SCRAM-SHA-512",
            "--kafka-sasl-username",
            "recon",
            "--kafka-sasl-password-env",
            "KAFKA_PW",
            "--kafka-truststore",
            "/etc/kafka/ca.p12",
            "--kafka-truststore-password-file",
            "/run/secrets/truststore",
            "--kafka-keystore",
            "/etc/kafka/client.p12",
            "--kafka-keystore-password-env",
            "KEYSTORE_PW");
    // and they are options the job itself accepts
    List<String> jobArgs = new ArrayList<>(List.of("--job", "normalize", "--kafka", "b:9096"));
    jobArgs.addAll(options.arguments());
    new CommandLine(new ClusterJobs(Map.of(), dir, env -> null))
        .parseArgs(jobArgs.toArray(String[]::new));
  }

  @Test
  void noPasswordInThePlanOrItsSettings() throws Exception {
    Path truststore = Files.writeString(dir.resolve("ca.p12"), "not read here");
    Path kafkaPassword = Files.writeString(dir.resolve("kafka-pw"), KAFKA_PASSWORD);
    Map<String, String> env =
        Map.of(
            "RECON_APP_DB_PASSWORD", DB_PASSWORD,
            "RECON_KAFKA_TRUSTSTORE_PASSWORD", TRUSTSTORE_PASSWORD);
    Path file =
        writeRuntimeProperties(
            dir.resolve("application_properties.json"),
            Map.of(
                "recon.job", "match",
                "recon.kafka.bootstrap", "b:9096",
                "recon.kafka.securityProtocol", "SASL_SSL",
                "recon.kafka.saslMechanism", "SCRAM-SHA-512",
                "recon.kafka.saslUsername", "recon",
                "recon.kafka.truststore", truststore.toString(),
                "recon.db.url", "jdbc:postgresql://db/recon",
                "recon.db.appUser", "recon_app"));
    ClusterJobsFixture fixture = new ClusterJobsFixture(env, file, Map.of());
    String[] args = {"--kafka-sasl-password-file", kafkaPassword.toString()};

    ClusterJobs.Plan plan = fixture.plan(args);

    assertThat(plan.config().appDbPassword()).isEqualTo(DB_PASSWORD);
    assertThat(plan.config().kafka().properties().getProperty("sasl.jaas.config"))
        .contains(KAFKA_PASSWORD);
    assertThat(plan.config().kafka().properties().getProperty("ssl.truststore.password"))
        .isEqualTo(TRUSTSTORE_PASSWORD);
    List<String> shown =
        List.of(
            String.join(" ", args),
            plan.toString(),
            plan.config().toString(),
            plan.config().kafka().toString(),
            ClusterJobs.ledger(plan.config()).toString(),
            ManagedFlinkProperties.read(file).toString());
    for (String text : shown) {
      assertThat(text)
          .doesNotContain(DB_PASSWORD)
          .doesNotContain(KAFKA_PASSWORD)
          .doesNotContain(TRUSTSTORE_PASSWORD);
    }
    assertThat(plan.config().toString()).contains("recon_app").contains("b:9096");
  }

  @Test
  void aLiteralPropertyIsKeptOutOfTheReadersToString() throws Exception {
    Path file =
        writeRuntimeProperties(
            dir.resolve("application_properties.json"),
            Map.of(ManagedFlinkSettings.key(PlatformSetting.APP_DB_PASSWORD), DB_PASSWORD));

    ManagedFlinkProperties properties = ManagedFlinkProperties.read(file);

    assertThat(properties.values()).containsEntry("recon.db.appPassword", DB_PASSWORD);
    assertThat(properties.toString()).doesNotContain(DB_PASSWORD);
    assertThat(ManagedFlinkSettings.of(properties, new ArrayList<>()).toString())
        .doesNotContain(DB_PASSWORD);
  }

  @Test
  void theKeystorePasswordReachesTheClientsOnly() throws Exception {
    Path keystore = TestKafkaCertificates.selfSignedKeystore(dir.resolve("client.p12"));
    String[] args = {
      "--job=normalize",
      "--kafka=b:9094",
      "--kafka-security-protocol=SSL",
      "--kafka-keystore=" + keystore,
      "--kafka-keystore-password-env=KEYSTORE_PW"
    };
    ClusterJobsFixture fixture =
        new ClusterJobsFixture(
            Map.of("KEYSTORE_PW", TestKafkaCertificates.PASSWORD),
            dir.resolve("absent.json"),
            Map.of());

    ClusterJobs.Plan plan = fixture.plan(args);

    assertThat(plan.config().kafka().properties().getProperty("ssl.keystore.password"))
        .isEqualTo(TestKafkaCertificates.PASSWORD);
    for (String text :
        List.of(
            String.join(" ", args),
            plan.toString(),
            plan.config().toString(),
            plan.config().kafka().toString())) {
      assertThat(text).doesNotContain(TestKafkaCertificates.PASSWORD);
    }
    assertThat(plan.config().kafka().toString()).contains("keystore=" + keystore);
  }
}
