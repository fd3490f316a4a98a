package dev.recon.app.cluster;

import static dev.recon.app.cluster.ClusterJobsFixture.writeRuntimeProperties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.app.cluster.ClusterJobs.Job;
import dev.recon.app.platform.JobConfig;
import dev.recon.app.platform.PlatformMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a cluster job's settings come from: arguments, then RECON_* variables, then properties. */
class ClusterJobsSettingsTest {
  private static final String APP_PASSWORD = "b8Wr-10ke-QQ2b-yy1v";
  private static final String SECRET_ARN =
      "arn:aws:secretsmanager:eu-west-1:123456789012:secret:recon-production/db/app-AbCdEf";

  @TempDir Path dir;

  private Path properties(Map<String, String> values) throws Exception {
    return writeRuntimeProperties(dir.resolve("application_properties.json"), values);
  }

  @Test
  void argumentsComeBeforeVariablesWhichComeBeforeRuntimeProperties() throws Exception {
    Path file =
        properties(
            Map.of(
                "recon.job", "match",
                "recon.kafka.bootstrap", "from-properties:9092",
                "recon.db.url", "jdbc:postgresql://from-properties/recon",
                "recon.db.appUser", "user_from_properties",
                "recon.db.appPassword", "env:PROPERTIES_PASSWORD"));
    Map<String, String> env = new HashMap<>();
    env.put("RECON_KAFKA", "from-env:9092");
    env.put("RECON_DB_URL", "jdbc:postgresql://from-env/recon");
    env.put("PROPERTIES_PASSWORD", APP_PASSWORD);
    ClusterJobsFixture fixture = new ClusterJobsFixture(env, file, Map.of());

    ClusterJobs.Plan plan = fixture.plan("--kafka", "from-args:9092");

    assertThat(plan.job()).isEqualTo(Job.match);
    JobConfig config = plan.config();
    assertThat(config.kafka().bootstrap()).isEqualTo("from-args:9092");
    assertThat(config.dbUrl()).isEqualTo("jdbc:postgresql://from-env/recon");
    assertThat(config.appDbUser()).isEqualTo("user_from_properties");
    assertThat(config.appDbPassword()).isEqualTo(APP_PASSWORD);
    assertThat(config.mode()).isEqualTo(PlatformMode.DEVELOPMENT);
  }

  @Test
  void theJobArgumentComesBeforeTheRuntimeProperty() throws Exception {
    Path file =
        properties(
            Map.of(
                "recon.job", "match",
                "recon.kafka.bootstrap", "b:9092",
                "recon.db.url", "jdbc:postgresql://db/recon",
                "recon.db.appUser", "recon_app",
                "recon.db.appPassword", "env:APP_PW"));
    ClusterJobsFixture fixture =
        new ClusterJobsFixture(Map.of("APP_PW", APP_PASSWORD), file, Map.of());

    assertThat(fixture.plan("--job", "normalize").job()).isEqualTo(Job.normalize);
    assertThat(fixture.plan().job()).isEqualTo(Job.match);
  }

  @Test
  void theKubernetesVariablesAloneAreEnough() throws Exception {
    Path password = Files.writeString(dir.resolve("password"), APP_PASSWORD + "\n");
    Map<String, String> env =
        Map.of(
            "RECON_KAFKA", "kafka:9092",
            "RECON_DB_URL", "jdbc:postgresql://db/recon",
            "RECON_APP_DB_USER", "recon_app",
            "RECON_APP_DB_PASSWORD", "not-this-one-but-the-file");
    ClusterJobsFixture fixture =
        new ClusterJobsFixture(env, dir.resolve("no-such-file.json"), Map.of());

    JobConfig config =
        fixture.plan("--job", "match", "--db-password-file", password.toString()).config();

    assertThat(config.kafka().bootstrap()).isEqualTo("kafka:9092");
    assertThat(config.appDbUser()).isEqualTo("recon_app");
    assertThat(config.appDbPassword()).isEqualTo(APP_PASSWORD);
    JobConfig fromVariable = fixture.plan("--job", "match").config();
    assertThat(fromVariable.appDbPassword()).isEqualTo("not-this-one-but-the-file");
  }

  @Test
  void managedFlinkPropertiesAsTerraformWritesThemAreEnough() throws Exception {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("recon.job", "match");
    values.put("recon.mode", "production");
    values.put("recon.kafka.bootstrap", "b-1.msk:9098,b-2.msk:9098");
    values.put("recon.kafka.securityProtocol", "SASL_SSL");
    values.put("recon.kafka.saslMechanism", "AWS_MSK_IAM");
    values.put("recon.kafka.consumerGroupPrefix", "recon-");
    values.put("recon.db.url", "jdbc:postgresql://rds:5432/recon?sslmode=verify-full");
    values.put("recon.db.credentialsSecretArn", SECRET_ARN);
    values.put("recon.aws.region", "eu-west-1");
    ClusterJobsFixture fixture =
        new ClusterJobsFixture(
            Map.of(),
            properties(values),
            Map.of(SECRET_ARN, Map.of("username", "recon_app", "password", APP_PASSWORD)));

    ClusterJobs.Plan plan = fixture.plan();

    assertThat(plan.job()).isEqualTo(Job.match);
    assertThat(plan.warnings()).isEmpty();
    JobConfig config = plan.config();
    assertThat(config.mode()).isEqualTo(PlatformMode.PRODUCTION);
    assertThat(config.kafka().bootstrap()).isEqualTo("b-1.msk:9098,b-2.msk:9098");
    assertThat(config.kafka().properties())
        .containsEntry("sasl.mechanism", "AWS_MSK_IAM")
        .containsEntry("security.protocol", "SASL_SSL");
    assertThat(config.appDbUser()).isEqualTo("recon_app");
    assertThat(config.appDbPassword()).isEqualTo(APP_PASSWORD);
    // Secrets Manager is only reachable with a region: the one of the properties
    assertThat(fixture.resolverEnvironments)
        .singleElement()
        .satisfies(env -> assertThat(env).containsEntry("AWS_REGION", "eu-west-1"));
  }

  @Test
  void theRegionOfTheEnvironmentComesBeforeTheProperty() throws Exception {
    Path file = properties(Map.of("recon.kafka.bootstrap", "b:9092", "recon.aws.region", "x-1"));
    ClusterJobsFixture fixture =
        new ClusterJobsFixture(Map.of("AWS_REGION", "eu-central-1"), file, Map.of());

    fixture.plan("--job", "normalize");

    assertThat(fixture.resolverEnvironments.get(0)).containsEntry("AWS_REGION", "eu-central-1");
  }

  @Test
  void everyMissingSettingIsNamedWithEveryWayToGiveIt() {
    ClusterJobsFixture fixture =
        new ClusterJobsFixture(Map.of(), dir.resolve("absent.json"), Map.of());

    assertThatThrownBy(() -> fixture.plan("--job", "match"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "--kafka, RECON_KAFKA or runtime property recon.kafka.bootstrap: not set")
        .hasMessageContaining("--db-url, RECON_DB_URL or runtime property recon.db.url: not set")
        .hasMessageContaining(
            "--db-user, RECON_APP_DB_USER or runtime property recon.db.appUser"
                + " or recon.db.credentialsSecretArn: not set")
        .hasMessageContaining("--db-password-file, --db-password-env, RECON_APP_DB_PASSWORD");
    assertThatThrownBy(() -> fixture.plan("--kafka", "b:9092"))
        .hasMessageContaining("no job: pass --job normalize|match or set the runtime property");
  }

  @Test
  void theNormalizeJobNeedsNoDatabase() throws Exception {
    ClusterJobsFixture fixture =
        new ClusterJobsFixture(
            Map.of("RECON_KAFKA", "b:9092"), dir.resolve("absent.json"), Map.of());

    JobConfig config = fixture.plan("--job", "normalize").config();

    assertThat(config.hasLedger()).isFalse();
  }

  @Test
  void unknownPropertiesAndAForeignConsumerGroupPrefixAreRefused() throws Exception {
    Path file =
        properties(
            Map.of(
                "recon.job", "normalize",
                "recon.kafka.bootstrap", "b:9092",
                "recon.kafka.bootstap", "typo:9092",
                "recon.kafka.consumerGroupPrefix", "ledger-"));
    ClusterJobsFixture fixture = new ClusterJobsFixture(Map.of(), file, Map.of());

    assertThatThrownBy(fixture::plan)
        .hasMessageContaining("unknown runtime properties [recon.kafka.bootstap]")
        .hasMessageContaining(
            "recon.kafka.consumerGroupPrefix (" + file + "): the jobs' consumer groups");
  }

  @Test
  void aPasswordGivenTwiceIsRefused() {
    ClusterJobsFixture fixture =
        new ClusterJobsFixture(
            Map.of("RECON_KAFKA", "b:9092"), dir.resolve("absent.json"), Map.of());

    assertThatThrownBy(
            () ->
                fixture.plan(
                    "--job",
                    "normalize",
                    "--kafka-security-protocol",
                    "SASL_SSL",
                    "--kafka-sasl-mechanism",
                    "SCRAM-SHA-512",
                    "--kafka-sasl-username",
                    "recon",
                    "--kafka-sasl-password-file",
                    "/run/secrets/kafka",
                    "--kafka-sasl-password-env",
                    "KAFKA_PASSWORD"))
        .hasMessageContaining(
            "--kafka-sasl-password-file and --kafka-sasl-password-env: give one of them");
  }

  @Test
  void anUnknownJobNamesWhereItCameFrom() throws Exception {
    Path file = properties(Map.of("recon.job", "ledger", "recon.kafka.bootstrap", "b:9092"));
    ClusterJobsFixture fixture = new ClusterJobsFixture(Map.of(), file, Map.of());

    assertThatThrownBy(fixture::plan)
        .hasMessageContaining("recon.job (" + file + "): 'ledger' is not normalize or match");
  }

  @Test
  void theUsernameSecretMissingIsNamedWithoutTheValue() throws Exception {
    Path file =
        properties(
            Map.of(
                "recon.job", "match",
                "recon.kafka.bootstrap", "b:9092",
                "recon.db.url", "jdbc:postgresql://db/recon",
                "recon.db.credentialsSecretArn", SECRET_ARN));
    ClusterJobsFixture fixture =
        new ClusterJobsFixture(
            Map.of(), file, Map.of(SECRET_ARN, Map.of("password", APP_PASSWORD)));

    assertThatThrownBy(fixture::plan)
        .hasMessageContaining("recon.db.credentialsSecretArn (" + file + "): the username")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(APP_PASSWORD));
  }

  @Test
  void theCredentialsSecretAndALiteralPasswordTogetherAreRefused() throws Exception {
    Path file =
        properties(
            Map.of(
                "recon.job", "match",
                "recon.kafka.bootstrap", "b:9092",
                "recon.db.url", "jdbc:postgresql://db/recon",
                "recon.db.appPassword", APP_PASSWORD,
                "recon.db.credentialsSecretArn", SECRET_ARN));
    ClusterJobsFixture fixture = new ClusterJobsFixture(Map.of(), file, Map.of());

    assertThatThrownBy(fixture::plan)
        .hasMessageContaining("and recon.db.appPassword: give one of them, not both")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(APP_PASSWORD));
  }
}
