package dev.recon.app.platform;

/**
 * One configurable piece of the platform, with its name in each place a value may come from: a
 * command-line flag, an environment variable, a key in the YAML config file.
 */
public enum PlatformSetting {
  KAFKA("--kafka", "RECON_KAFKA", "kafka", "bootstrap", false),
  KAFKA_PARTITIONS("--kafka-partitions", "RECON_KAFKA_PARTITIONS", "kafka", "partitions", false),
  KAFKA_REPLICATION_FACTOR(
      "--kafka-replication-factor",
      "RECON_KAFKA_REPLICATION_FACTOR",
      "kafka",
      "replicationFactor",
      false),
  KAFKA_SECURITY_PROTOCOL(
      "--kafka-security-protocol",
      "RECON_KAFKA_SECURITY_PROTOCOL",
      "kafka",
      "securityProtocol",
      false),
  KAFKA_SASL_MECHANISM(
      "--kafka-sasl-mechanism", "RECON_KAFKA_SASL_MECHANISM", "kafka", "saslMechanism", false),
  KAFKA_SASL_USERNAME(
      "--kafka-sasl-username", "RECON_KAFKA_SASL_USERNAME", "kafka", "saslUsername", false),
  KAFKA_SASL_PASSWORD(
      "--kafka-sasl-password", "RECON_KAFKA_SASL_PASSWORD", "kafka", "saslPassword", true),
  KAFKA_TRUSTSTORE("--kafka-truststore", "RECON_KAFKA_TRUSTSTORE", "kafka", "truststore", false),
  KAFKA_TRUSTSTORE_PASSWORD(
      "--kafka-truststore-password",
      "RECON_KAFKA_TRUSTSTORE_PASSWORD",
      "kafka",
      "truststorePassword",
      true),
  /** The client's private key and certificate chain for mutual TLS (PKCS12 or PEM). */
  KAFKA_KEYSTORE("--kafka-keystore", "RECON_KAFKA_KEYSTORE", "kafka", "keystore", false),
  KAFKA_KEYSTORE_PASSWORD(
      "--kafka-keystore-password",
      "RECON_KAFKA_KEYSTORE_PASSWORD",
      "kafka",
      "keystorePassword",
      true),
  DB_URL("--db-url", "RECON_DB_URL", "db", "url", false),
  DB_USER("--db-user", "RECON_DB_USER", "db", "user", false),
  DB_PASSWORD("--db-password", "RECON_DB_PASSWORD", "db", "password", true),
  APP_DB_USER("--app-db-user", "RECON_APP_DB_USER", "db", "appUser", false),
  APP_DB_PASSWORD("--app-db-password", "RECON_APP_DB_PASSWORD", "db", "appPassword", true),
  FLINK("--flink", "RECON_FLINK", "flink", "jobManager", false),
  PARALLELISM("--parallelism", "RECON_PARALLELISM", "flink", "parallelism", false),
  CHECKPOINT_INTERVAL(
      "--checkpoint-interval", "RECON_CHECKPOINT_INTERVAL", "flink", "checkpointInterval", false),
  RESTART_ATTEMPTS(
      "--restart-attempts", "RECON_RESTART_ATTEMPTS", "flink", "restartAttempts", false),
  CLOUDWATCH_NAMESPACE(
      "--cloudwatch-namespace", "RECON_CLOUDWATCH_NAMESPACE", "cloudwatch", "namespace", false),
  CLOUDWATCH_ENVIRONMENT(
      "--cloudwatch-environment",
      "RECON_CLOUDWATCH_ENVIRONMENT",
      "cloudwatch",
      "environment",
      false),
  /** When not given, the SDK's own {@code AWS_REGION} (see {@link PlatformConfigResolver}). */
  CLOUDWATCH_REGION(
      "--cloudwatch-region", "RECON_CLOUDWATCH_REGION", "cloudwatch", "region", false),
  /** For tests against a stand-in: production publishes to the region's own endpoint. */
  CLOUDWATCH_ENDPOINT(
      "--cloudwatch-endpoint", "RECON_CLOUDWATCH_ENDPOINT", "cloudwatch", "endpoint", false),
  /**
   * The AES-256 key (base64 of 32 bytes) that seals users' TOTP secrets in the access schema;
   * usually a secret reference. Development without it: a key generated once in the data folder.
   */
  TOTP_KEY("--totp-key", "RECON_TOTP_KEY", "access", "totpKey", true),
  /** Earlier TOTP keys, comma-separated, that still open secrets sealed before a rotation. */
  TOTP_OLD_KEYS("--totp-old-keys", "RECON_TOTP_OLD_KEYS", "access", "totpOldKeys", true),
  DATA_DIR("--data-dir", "RECON_DATA_DIR", null, "dataDir", false),
  MODE("--mode", "RECON_MODE", null, "mode", false);

  private final String flag;
  private final String environmentVariable;
  private final String fileSection;
  private final String fileKey;
  private final boolean secret;

  PlatformSetting(
      String flag, String environmentVariable, String fileSection, String fileKey, boolean secret) {
    this.flag = flag;
    this.environmentVariable = environmentVariable;
    this.fileSection = fileSection;
    this.fileKey = fileKey;
    this.secret = secret;
  }

  /** The command-line option, e.g. {@code --kafka}. */
  public String flag() {
    return flag;
  }

  /** The environment variable, e.g. {@code RECON_KAFKA}. */
  public String environmentVariable() {
    return environmentVariable;
  }

  /** The top-level YAML section holding the key, or null for a top-level key. */
  String fileSection() {
    return fileSection;
  }

  String fileKey() {
    return fileKey;
  }

  /** The dotted YAML path, e.g. {@code kafka.bootstrap}. */
  public String filePath() {
    return fileSection == null ? fileKey : fileSection + "." + fileKey;
  }

  /**
   * Secret values are never shown: not in toString(), logs or error messages. A secret's value may
   * be a secret reference ({@code env:NAME}, {@code file:/path}, {@code aws-sm:id[#field]}) that is
   * resolved at start; passwords have no command-line option in {@code recon} (the process list
   * would show them).
   */
  public boolean secret() {
    return secret;
  }
}
