package dev.recon.app.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where each piece of the platform is. A null location means the embedded default: an in-process
 * Kafka broker, an embedded PostgreSQL, Flink's local MiniCluster. Build one with {@link
 * PlatformConfigResolver} (flags, environment, config file) or {@link #embedded()} in tests.
 *
 * @param kafkaBootstrap bootstrap servers of a real Kafka cluster; null: the embedded broker
 * @param kafkaSecurity how clients connect to that cluster (protocol, SASL, truststore); plaintext
 *     for the embedded broker
 * @param topicPartitions partitions of each topic {@link TopicProvisioner} creates
 * @param topicReplicationFactor replicas of each created topic; null: 1 on the embedded broker, the
 *     cluster's {@code default.replication.factor} otherwise
 * @param dbUrl JDBC URL of a real PostgreSQL database; null: the embedded server
 * @param dbUser owner login (migrations); required with {@code dbUrl}
 * @param dbPassword owner password; may be null
 * @param appDbUser application login (row-level security applies to it); required with {@code
 *     dbUrl}
 * @param appDbPassword application password; may be null
 * @param flinkJobManager REST address of a Flink JobManager; null: a local MiniCluster per job
 * @param dataDir folder for embedded data (Kafka logs, PostgreSQL cluster, Flink checkpoints), kept
 *     across runs; null: a temp folder deleted on close
 * @param parallelism default parallelism of every job
 * @param checkpointInterval Flink checkpoint interval, also the floor of end-to-end latency
 *     (transactional output is visible when a checkpoint completes)
 * @param restartAttempts fixed-delay restarts of a failed job; 0: fail at the first error
 */
public record PlatformConfig(
    String kafkaBootstrap,
    KafkaSecurity kafkaSecurity,
    int topicPartitions,
    Short topicReplicationFactor,
    String dbUrl,
    String dbUser,
    String dbPassword,
    String appDbUser,
    String appDbPassword,
    HostAndPort flinkJobManager,
    Path dataDir,
    int parallelism,
    Duration checkpointInterval,
    int restartAttempts) {

  public static final int DEFAULT_TOPIC_PARTITIONS = 2;
  public static final int MAX_TOPIC_PARTITIONS = 1024;
  public static final short MAX_REPLICATION_FACTOR = 16;
  public static final int DEFAULT_PARALLELISM = 2;
  public static final int MAX_PARALLELISM = 256;
  public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(2);
  public static final Duration MIN_CHECKPOINT_INTERVAL = Duration.ofMillis(100);
  public static final Duration MAX_CHECKPOINT_INTERVAL = Duration.ofHours(1);
  public static final int DEFAULT_RESTART_ATTEMPTS = 3;
  public static final int MAX_RESTART_ATTEMPTS = 100;

  /** A config whose Kafka, if any, is reached over plaintext. */
  public PlatformConfig(
      String kafkaBootstrap,
      int topicPartitions,
      Short topicReplicationFactor,
      String dbUrl,
      String dbUser,
      String dbPassword,
      String appDbUser,
      String appDbPassword,
      HostAndPort flinkJobManager,
      Path dataDir,
      int parallelism,
      Duration checkpointInterval,
      int restartAttempts) {
    this(
        kafkaBootstrap,
        KafkaSecurity.plaintext(),
        topicPartitions,
        topicReplicationFactor,
        dbUrl,
        dbUser,
        dbPassword,
        appDbUser,
        appDbPassword,
        flinkJobManager,
        dataDir,
        parallelism,
        checkpointInterval,
        restartAttempts);
  }

  public PlatformConfig {
    Objects.requireNonNull(checkpointInterval, "checkpointInterval");
    Objects.requireNonNull(kafkaSecurity, "kafkaSecurity");
    check(
        kafkaBootstrap != null || kafkaSecurity.equals(KafkaSecurity.plaintext()),
        "Kafka security settings on the embedded broker");
    check(topicPartitions >= 1 && topicPartitions <= MAX_TOPIC_PARTITIONS, "topicPartitions");
    check(
        topicReplicationFactor == null
            || (topicReplicationFactor >= 1 && topicReplicationFactor <= MAX_REPLICATION_FACTOR),
        "topicReplicationFactor");
    check(
        kafkaBootstrap != null || topicReplicationFactor == null || topicReplicationFactor == 1,
        "topicReplicationFactor on the one-node embedded broker");
    check(dbUrl == null || (dbUser != null && appDbUser != null), "dbUser and appDbUser");
    check(
        dbUrl != null
            || (dbUser == null && dbPassword == null && appDbUser == null && appDbPassword == null),
        "database logins without dbUrl");
    check(parallelism >= 1 && parallelism <= MAX_PARALLELISM, "parallelism");
    check(
        checkpointInterval.compareTo(MIN_CHECKPOINT_INTERVAL) >= 0
            && checkpointInterval.compareTo(MAX_CHECKPOINT_INTERVAL) <= 0,
        "checkpointInterval");
    check(restartAttempts >= 0 && restartAttempts <= MAX_RESTART_ATTEMPTS, "restartAttempts");
  }

  private static void check(boolean valid, String what) {
    if (!valid) {
      throw new IllegalArgumentException("Invalid platform config: " + what);
    }
  }

  /** Everything embedded, data in a temp folder, default parallelism and intervals. */
  public static PlatformConfig embedded() {
    return new PlatformConfig(
        null,
        KafkaSecurity.plaintext(),
        DEFAULT_TOPIC_PARTITIONS,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        DEFAULT_PARALLELISM,
        DEFAULT_CHECKPOINT_INTERVAL,
        DEFAULT_RESTART_ATTEMPTS);
  }

  public boolean embeddedKafka() {
    return kafkaBootstrap == null;
  }

  public boolean embeddedDatabase() {
    return dbUrl == null;
  }

  public boolean localFlink() {
    return flinkJobManager == null;
  }

  public PlatformConfig withKafka(String bootstrap) {
    return new PlatformConfig(
        bootstrap,
        kafkaSecurity,
        topicPartitions,
        topicReplicationFactor,
        dbUrl,
        dbUser,
        dbPassword,
        appDbUser,
        appDbPassword,
        flinkJobManager,
        dataDir,
        parallelism,
        checkpointInterval,
        restartAttempts);
  }

  public PlatformConfig withKafkaSecurity(KafkaSecurity security) {
    return new PlatformConfig(
        kafkaBootstrap,
        security,
        topicPartitions,
        topicReplicationFactor,
        dbUrl,
        dbUser,
        dbPassword,
        appDbUser,
        appDbPassword,
        flinkJobManager,
        dataDir,
        parallelism,
        checkpointInterval,
        restartAttempts);
  }

  public PlatformConfig withDatabase(
      String url, String user, String password, String appUser, String appPassword) {
    return new PlatformConfig(
        kafkaBootstrap,
        kafkaSecurity,
        topicPartitions,
        topicReplicationFactor,
        url,
        user,
        password,
        appUser,
        appPassword,
        flinkJobManager,
        dataDir,
        parallelism,
        checkpointInterval,
        restartAttempts);
  }

  public PlatformConfig withDataDir(Path dir) {
    return new PlatformConfig(
        kafkaBootstrap,
        kafkaSecurity,
        topicPartitions,
        topicReplicationFactor,
        dbUrl,
        dbUser,
        dbPassword,
        appDbUser,
        appDbPassword,
        flinkJobManager,
        dir,
        parallelism,
        checkpointInterval,
        restartAttempts);
  }

  public PlatformConfig withFlink(
      int jobParallelism, Duration jobCheckpointInterval, int jobRestartAttempts) {
    return new PlatformConfig(
        kafkaBootstrap,
        kafkaSecurity,
        topicPartitions,
        topicReplicationFactor,
        dbUrl,
        dbUser,
        dbPassword,
        appDbUser,
        appDbPassword,
        flinkJobManager,
        dataDir,
        jobParallelism,
        jobCheckpointInterval,
        jobRestartAttempts);
  }

  @Override
  public String toString() {
    return "PlatformConfig{kafka="
        + (kafkaBootstrap == null ? "embedded" : kafkaBootstrap + " " + kafkaSecurity)
        + ", topicPartitions="
        + topicPartitions
        + ", topicReplicationFactor="
        + (topicReplicationFactor == null ? "default" : topicReplicationFactor)
        + ", db="
        + (dbUrl == null ? "embedded" : Secrets.maskJdbcUrl(dbUrl))
        + ", dbUser="
        + dbUser
        + ", dbPassword="
        + Secrets.mask(dbPassword)
        + ", appDbUser="
        + appDbUser
        + ", appDbPassword="
        + Secrets.mask(appDbPassword)
        + ", flink="
        + (flinkJobManager == null ? "local" : flinkJobManager)
        + ", dataDir="
        + (dataDir == null ? "temporary" : dataDir)
        + ", parallelism="
        + parallelism
        + ", checkpointInterval="
        + checkpointInterval
        + ", restartAttempts="
        + restartAttempts
        + "}";
  }
}
