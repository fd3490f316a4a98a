package dev.recon.app.cluster;

import dev.recon.app.platform.PlatformSetting;
import dev.recon.app.platform.PlatformSettings.SourcedValue;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Managed Flink's runtime properties (group {@code recon}) as a cluster job's settings. A setting's
 * key is {@code recon.} followed by its key in {@code recon run}'s config file ({@code
 * recon.kafka.bootstrap}, {@code recon.kafka.securityProtocol}, {@code recon.db.url}, {@code
 * recon.db.appUser}, ...); besides those: {@value #JOB}, {@value #DB_CREDENTIALS_SECRET}, {@value
 * #CONSUMER_GROUP_PREFIX}, {@value #AWS_REGION} and {@value #POSTING_RULES}. Secrets are references
 * ({@code aws-sm:...}) here: a literal one is refused in production mode, as in the config file. A
 * client keystore (mutual TLS) is refused: it is a file on every Flink node, and Managed Flink
 * mounts none; its clients authenticate with MSK IAM instead.
 *
 * @param settings the settings given, each with the property as its origin
 * @param job the value of {@value #JOB}, or null
 * @param credentialsSecret the Secrets Manager secret of the application login, or null
 * @param awsRegion the region of Secrets Manager, or null
 * @param postingRules the value of {@value #POSTING_RULES}, or null
 */
record ManagedFlinkSettings(
    Map<PlatformSetting, SourcedValue> settings,
    String job,
    String credentialsSecret,
    String awsRegion,
    String postingRules) {
  /** The job to run: {@code normalize} or {@code match}. */
  static final String JOB = "recon.job";

  /**
   * A Secrets Manager secret (ARN or name) holding the application login as JSON {@code
   * {"username": ..., "password": ...}}, as the Terraform module {@code secrets} writes it.
   */
  static final String DB_CREDENTIALS_SECRET = "recon.db.credentialsSecretArn";

  /** The prefix the IAM policy grants consumer groups and transactional ids under. */
  static final String CONSUMER_GROUP_PREFIX = "recon.kafka.consumerGroupPrefix";

  /** The region of Secrets Manager, when the job's environment has no {@code AWS_REGION}. */
  static final String AWS_REGION = "recon.aws.region";

  /**
   * The matching job's posting tables: {@code [TENANT=]RESOURCE} separated by commas, each RESOURCE
   * a table YAML packed into the job jar ({@code acme=posting/acme.yaml}). Managed Flink mounts no
   * files and a property value is too short for a table, while the jar is the application's code: a
   * table changes with an application version, restored from a snapshot. The normalization job
   * ignores it, so both applications can share one property map.
   */
  static final String POSTING_RULES = "recon.postingRules";

  /** The fields of the {@value #DB_CREDENTIALS_SECRET} JSON. */
  static final String USERNAME_FIELD = "username";

  static final String PASSWORD_FIELD = "password";

  private static final String PREFIX = "recon.";

  /** Settings a cluster job reads elsewhere but Managed Flink cannot provide. */
  static final Set<PlatformSetting> NOT_ON_MANAGED_FLINK =
      Set.of(PlatformSetting.KAFKA_KEYSTORE, PlatformSetting.KAFKA_KEYSTORE_PASSWORD);

  ManagedFlinkSettings {
    settings = Map.copyOf(settings);
  }

  /** The runtime property that holds {@code setting}, e.g. {@code recon.kafka.bootstrap}. */
  static String key(PlatformSetting setting) {
    return PREFIX + setting.filePath();
  }

  /**
   * Reads the properties; an unknown key, a secret given twice, or a consumer group prefix the jobs
   * do not use is added to {@code errors}.
   */
  static ManagedFlinkSettings of(ManagedFlinkProperties properties, List<String> errors) {
    Map<String, PlatformSetting> keys = new LinkedHashMap<>();
    for (PlatformSetting setting : ClusterJobs.SETTINGS) {
      if (!NOT_ON_MANAGED_FLINK.contains(setting)) {
        keys.put(key(setting), setting);
      }
    }
    Set<String> refused = new TreeSet<>();
    NOT_ON_MANAGED_FLINK.forEach(s -> refused.add(key(s)));
    Set<String> others =
        Set.of(JOB, DB_CREDENTIALS_SECRET, CONSUMER_GROUP_PREFIX, AWS_REGION, POSTING_RULES);
    Map<PlatformSetting, SourcedValue> settings = new EnumMap<>(PlatformSetting.class);
    Set<String> unknown = new TreeSet<>();
    properties
        .values()
        .forEach(
            (key, value) -> {
              PlatformSetting setting = keys.get(key);
              if (refused.contains(key)) {
                errors.add(
                    origin(properties, key)
                        + ": a client keystore (Kafka mutual TLS) is a file on every Flink node,"
                        + " which Managed Flink cannot mount; authenticate with MSK IAM instead"
                        + " ("
                        + key(PlatformSetting.KAFKA_SECURITY_PROTOCOL)
                        + " = SASL_SSL, "
                        + key(PlatformSetting.KAFKA_SASL_MECHANISM)
                        + " = AWS_MSK_IAM)");
              } else if (setting != null) {
                settings.put(setting, new SourcedValue(value, origin(properties, key)));
              } else if (!others.contains(key)) {
                unknown.add(key);
              }
            });
    if (!unknown.isEmpty()) {
      Set<String> known = new TreeSet<>(keys.keySet());
      known.addAll(others);
      errors.add(
          properties.file() + ": unknown runtime properties " + unknown + "; known: " + known);
    }
    String secret = text(properties, DB_CREDENTIALS_SECRET);
    if (secret != null) {
      if (settings.containsKey(PlatformSetting.APP_DB_PASSWORD)) {
        errors.add(
            origin(properties, DB_CREDENTIALS_SECRET)
                + " and "
                + key(PlatformSetting.APP_DB_PASSWORD)
                + ": give one of them, not both");
      } else {
        settings.put(
            PlatformSetting.APP_DB_PASSWORD,
            new SourcedValue(
                "aws-sm:" + secret + "#" + PASSWORD_FIELD,
                origin(properties, DB_CREDENTIALS_SECRET)));
      }
    }
    String prefix = text(properties, CONSUMER_GROUP_PREFIX);
    if (prefix != null && !ClusterJobs.CLIENT_ID_PREFIX.startsWith(prefix)) {
      errors.add(
          origin(properties, CONSUMER_GROUP_PREFIX)
              + ": the jobs' consumer groups and transactional ids start with '"
              + ClusterJobs.CLIENT_ID_PREFIX
              + "', which a grant for '"
              + prefix
              + "*' does not cover");
    }
    return new ManagedFlinkSettings(
        settings,
        text(properties, JOB),
        secret,
        text(properties, AWS_REGION),
        text(properties, POSTING_RULES));
  }

  /** Where a property came from, as errors name it. */
  static String origin(ManagedFlinkProperties properties, String key) {
    return key + " (" + properties.file() + ")";
  }

  private static String text(ManagedFlinkProperties properties, String key) {
    String value = properties.values().get(key);
    return value == null || value.isBlank() ? null : value.strip();
  }

  @Override
  public String toString() {
    return "ManagedFlinkSettings{settings="
        + settings.keySet()
        + ", job="
        + job
        + ", credentialsSecret="
        + credentialsSecret
        + ", awsRegion="
        + awsRegion
        + ", postingRules="
        + postingRules
        + "}";
  }
}
