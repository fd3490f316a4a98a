package dev.recon.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformConfigResolverTest {
  private static final Map<String, String> NO_ENV = Map.of();

  @TempDir Path dir;

  @Test
  void nothingConfiguredMeansEverythingEmbeddedWithDefaults() {
    PlatformConfig config =
        PlatformConfigResolver.resolve(PlatformSettings.none(), NO_ENV, Optional.empty())
            .orElseThrow();

    assertThat(config).isEqualTo(PlatformConfig.embedded());
    assertThat(config.embeddedKafka()).isTrue();
    assertThat(config.embeddedDatabase()).isTrue();
    assertThat(config.localFlink()).isTrue();
    assertThat(config.dataDir()).isNull();
    assertThat(config.topicPartitions()).isEqualTo(2);
    assertThat(config.parallelism()).isEqualTo(2);
  }

  @Test
  void environmentConfiguresEveryPiece() {
    Map<String, String> env =
        Map.ofEntries(
            Map.entry("RECON_KAFKA", "k1:9092, k2:9093"),
            Map.entry("RECON_KAFKA_PARTITIONS", "6"),
            Map.entry("RECON_KAFKA_REPLICATION_FACTOR", "3"),
            Map.entry("RECON_DB_URL", "jdbc:postgresql://db:5432/recon"),
            Map.entry("RECON_DB_USER", "recon_owner"),
            Map.entry("RECON_DB_PASSWORD", "owner-secret"),
            Map.entry("RECON_APP_DB_USER", "recon_app"),
            Map.entry("RECON_APP_DB_PASSWORD", "app-secret"),
            Map.entry("RECON_FLINK", "jobmanager:8081"),
            Map.entry("RECON_PARALLELISM", "8"),
            Map.entry("RECON_CHECKPOINT_INTERVAL", "30s"),
            Map.entry("RECON_RESTART_ATTEMPTS", "0"),
            Map.entry("RECON_DATA_DIR", "/var/lib/recon"));

    PlatformConfig config =
        PlatformConfigResolver.resolve(PlatformSettings.none(), env, Optional.empty())
            .orElseThrow();

    assertThat(config)
        .isEqualTo(
            new PlatformConfig(
                "k1:9092,k2:9093",
                6,
                (short) 3,
                "jdbc:postgresql://db:5432/recon",
                "recon_owner",
                "owner-secret",
                "recon_app",
                "app-secret",
                new HostAndPort("jobmanager", 8081),
                Path.of("/var/lib/recon"),
                8,
                Duration.ofSeconds(30),
                0));
  }

  @Test
  void flagsBeatEnvironmentWhichBeatsTheFileWhichBeatsDefaults() throws Exception {
    Path file = dir.resolve("recon.yaml");
    Files.writeString(
        file,
        """
        kafka:
          bootstrap: from-file:9092
          partitions: 4
        flink:
          parallelism: 3
          checkpointInterval: 5s
        dataDir: /from/file
        """);
    Map<String, String> env = Map.of("RECON_KAFKA", "from-env:9092", "RECON_PARALLELISM", "5");
    PlatformSettings flags = PlatformSettings.fromFlags(Map.of(PlatformSetting.KAFKA, "flag:9092"));

    PlatformConfig config =
        PlatformConfigResolver.resolve(flags, env, Optional.of(file)).orElseThrow();

    assertThat(config.kafkaBootstrap()).isEqualTo("flag:9092");
    assertThat(config.parallelism()).isEqualTo(5);
    assertThat(config.topicPartitions()).isEqualTo(4);
    assertThat(config.checkpointInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.dataDir()).isEqualTo(Path.of("/from/file"));
    assertThat(config.restartAttempts()).isEqualTo(PlatformConfig.DEFAULT_RESTART_ATTEMPTS);
  }

  @Test
  void configFileCanBeNamedByTheEnvironment() throws Exception {
    Path file = dir.resolve("recon.yaml");
    Files.writeString(file, "flink:\n  jobManager: jm:8081\n");

    PlatformConfig config =
        PlatformConfigResolver.resolve(
                PlatformSettings.none(), Map.of("RECON_CONFIG", file.toString()), Optional.empty())
            .orElseThrow();

    assertThat(config.flinkJobManager()).isEqualTo(new HostAndPort("jm", 8081));
  }

  @Test
  void blankValuesCountAsNotSet() {
    Map<String, String> env = Map.of("RECON_KAFKA", "  ", "RECON_DB_URL", "");
    PlatformSettings flags = PlatformSettings.fromFlags(Map.of(PlatformSetting.FLINK, ""));

    PlatformConfig config =
        PlatformConfigResolver.resolve(flags, env, Optional.empty()).orElseThrow();

    assertThat(config).isEqualTo(PlatformConfig.embedded());
  }

  @Test
  void localFlinkCanBeAskedForExplicitly() {
    PlatformConfig config = resolve(Map.of("RECON_FLINK", "LOCAL")).config();

    assertThat(config.localFlink()).isTrue();
  }

  @Test
  void everyErrorIsListedAtOnceNamingWhereTheValueCameFrom() {
    Map<String, String> env =
        Map.of(
            "RECON_KAFKA", "broker-without-port",
            "RECON_KAFKA_PARTITIONS", "0",
            "RECON_PARALLELISM", "many",
            "RECON_CHECKPOINT_INTERVAL", "10 fortnights",
            "RECON_FLINK", "jm:99999",
            "RECON_RESTART_ATTEMPTS", "1000");

    ConfigResolution resolution = resolve(env);

    assertThat(resolution.isValid()).isFalse();
    assertThat(resolution.config()).isNull();
    assertThat(resolution.errors())
        .containsExactlyInAnyOrder(
            "RECON_KAFKA: 'broker-without-port' is not a comma-separated list of host:port",
            "RECON_KAFKA_PARTITIONS: 0 is outside 1..1024",
            "RECON_PARALLELISM: 'many' is not a whole number",
            "RECON_CHECKPOINT_INTERVAL: '10 fortnights' is not a duration"
                + " (e.g. 500ms, 10s, 2m, 1h or PT10S)",
            "RECON_FLINK: 'jm:99999' is not \"local\" or a JobManager REST host:port",
            "RECON_RESTART_ATTEMPTS: 1000 is outside 0..100");
    assertThatThrownBy(resolution::orElseThrow)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RECON_KAFKA_PARTITIONS")
        .hasMessageContaining("RECON_RESTART_ATTEMPTS");
  }

  @Test
  void errorsNameTheFlagOrFileKeyTheValueCameFrom() throws Exception {
    Path file = dir.resolve("recon.yaml");
    Files.writeString(file, "flink:\n  parallelism: 0\n");
    PlatformSettings flags =
        PlatformSettings.fromFlags(Map.of(PlatformSetting.KAFKA_PARTITIONS, "x"));

    ConfigResolution resolution = PlatformConfigResolver.resolve(flags, NO_ENV, Optional.of(file));

    assertThat(resolution.errors())
        .containsExactlyInAnyOrder(
            "--kafka-partitions: 'x' is not a whole number",
            file + ": flink.parallelism: 0 is outside 1..256");
  }

  @Test
  void checkpointIntervalAcceptsUnitsIsoAndBareMilliseconds() {
    assertThat(interval("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(interval("750")).isEqualTo(Duration.ofMillis(750));
    assertThat(interval("10s")).isEqualTo(Duration.ofSeconds(10));
    assertThat(interval("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(interval("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(interval("PT15S")).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void checkpointIntervalIsBounded() {
    assertThat(resolve(Map.of("RECON_CHECKPOINT_INTERVAL", "99ms")).errors())
        .containsExactly("RECON_CHECKPOINT_INTERVAL: 99ms is outside 100ms..1h");
    assertThat(resolve(Map.of("RECON_CHECKPOINT_INTERVAL", "61m")).errors())
        .containsExactly("RECON_CHECKPOINT_INTERVAL: 61m is outside 100ms..1h");
    assertThat(resolve(Map.of("RECON_CHECKPOINT_INTERVAL", "PT0.05S")).isValid()).isFalse();
  }

  @Test
  void aRealDatabaseNeedsBothLoginsAndTheyMustDiffer() {
    ConfigResolution missing = resolve(Map.of("RECON_DB_URL", "jdbc:postgresql://db/recon"));
    assertThat(missing.errors())
        .containsExactlyInAnyOrder(
            "RECON_DB_USER (or --db-user, db.user): required when RECON_DB_URL is set",
            "RECON_APP_DB_USER (or --app-db-user, db.appUser): required when RECON_DB_URL is set");

    ConfigResolution same =
        resolve(
            Map.of(
                "RECON_DB_URL", "jdbc:postgresql://db/recon",
                "RECON_DB_USER", "recon",
                "RECON_APP_DB_USER", "recon"));
    assertThat(same.errors())
        .containsExactly(
            "RECON_APP_DB_USER: must differ from the owner login RECON_DB_USER:"
                + " row-level security does not apply to a table's owner");
  }

  @Test
  void passwordsAreOptionalForARealDatabase() {
    PlatformConfig config =
        resolve(
                Map.of(
                    "RECON_DB_URL", "jdbc:postgresql://db/recon",
                    "RECON_DB_USER", "owner",
                    "RECON_APP_DB_USER", "app"))
            .orElseThrow();

    assertThat(config.dbPassword()).isNull();
    assertThat(config.appDbPassword()).isNull();
  }

  @Test
  void databaseUrlMustBePostgresJdbc() {
    assertThat(
            resolve(
                    Map.of(
                        "RECON_DB_URL", "postgres://db/recon",
                        "RECON_DB_USER", "owner",
                        "RECON_APP_DB_USER", "app"))
                .errors())
        .containsExactly(
            "RECON_DB_URL: 'postgres://db/recon' is not a PostgreSQL JDBC URL"
                + " (jdbc:postgresql://...)");
  }

  @Test
  void loginsWithoutADatabaseUrlAreAMistake() {
    ConfigResolution resolution =
        resolve(Map.of("RECON_DB_USER", "owner", "RECON_APP_DB_PASSWORD", "secret"));

    assertThat(resolution.errors())
        .containsExactlyInAnyOrder(
            "RECON_DB_USER: is set but the database is the embedded one (its logins are"
                + " generated); set RECON_DB_URL too, or remove it",
            "RECON_APP_DB_PASSWORD: is set but the database is the embedded one (its logins are"
                + " generated); set RECON_DB_URL too, or remove it");
  }

  @Test
  void theEmbeddedBrokerCannotReplicate() {
    assertThat(resolve(Map.of("RECON_KAFKA_REPLICATION_FACTOR", "3")).errors())
        .containsExactly(
            "RECON_KAFKA_REPLICATION_FACTOR: the embedded Kafka broker has one node, so the"
                + " replication factor can only be 1 (or set RECON_KAFKA)");
    assertThat(resolve(Map.of("RECON_KAFKA_REPLICATION_FACTOR", "1")).isValid()).isTrue();
  }

  @Test
  void secretsNeverAppearInErrorsOrToString() {
    String secret = "s3cr3t-value";
    Map<String, String> env =
        Map.of(
            "RECON_DB_PASSWORD",
            secret,
            "RECON_APP_DB_PASSWORD",
            secret,
            "RECON_DB_URL",
            "jdbc:postgresql://db/recon?password=" + secret,
            "RECON_DB_USER",
            "owner",
            "RECON_APP_DB_USER",
            "app",
            "RECON_PARALLELISM",
            "bad");

    ConfigResolution invalid = resolve(env);
    assertThat(String.join("\n", invalid.errors())).doesNotContain(secret);
    assertThat(PlatformSettings.fromEnvironment(env).toString()).doesNotContain(secret);

    Map<String, String> validEnv = new java.util.HashMap<>(env);
    validEnv.remove("RECON_PARALLELISM");
    PlatformConfig config = resolve(validEnv).orElseThrow();
    assertThat(config.dbPassword()).isEqualTo(secret);
    assertThat(config.toString())
        .doesNotContain(secret)
        .contains("dbPassword=****", "appDbPassword=****", "password=****");
  }

  @Test
  void overlongValuesAreRefused() {
    String longHost = "h".repeat(PlatformConfigResolver.MAX_VALUE_LENGTH) + ":9092";

    assertThat(resolve(Map.of("RECON_KAFKA", longHost)).errors())
        .containsExactly("RECON_KAFKA: longer than 4096 characters");
  }

  @Test
  void tooManyBootstrapServersAreRefused() {
    String servers =
        String.join(
            ",",
            java.util.Collections.nCopies(
                PlatformConfigResolver.MAX_BOOTSTRAP_SERVERS + 1, "k:9092"));

    assertThat(resolve(Map.of("RECON_KAFKA", servers)).errors())
        .containsExactly("RECON_KAFKA: more than 64 bootstrap servers");
  }

  @Test
  void aMissingConfigFileIsAnErrorAlongsideTheOthers() {
    Path missing = dir.resolve("absent.yaml");

    ConfigResolution resolution =
        PlatformConfigResolver.resolve(
            PlatformSettings.none(), Map.of("RECON_PARALLELISM", "0"), Optional.of(missing));

    assertThat(resolution.errors())
        .containsExactly(
            missing + ": config file not found", "RECON_PARALLELISM: 0 is outside 1..256");
  }

  private static ConfigResolution resolve(Map<String, String> env) {
    return PlatformConfigResolver.resolve(PlatformSettings.none(), env, Optional.empty());
  }

  private static Duration interval(String text) {
    return resolve(Map.of("RECON_CHECKPOINT_INTERVAL", text)).orElseThrow().checkpointInterval();
  }
}
