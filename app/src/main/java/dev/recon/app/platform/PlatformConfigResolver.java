package dev.recon.app.platform;

import static dev.recon.app.platform.PlatformSetting.APP_DB_PASSWORD;
import static dev.recon.app.platform.PlatformSetting.APP_DB_USER;
import static dev.recon.app.platform.PlatformSetting.CHECKPOINT_INTERVAL;
import static dev.recon.app.platform.PlatformSetting.CLOUDWATCH_ENDPOINT;
import static dev.recon.app.platform.PlatformSetting.CLOUDWATCH_ENVIRONMENT;
import static dev.recon.app.platform.PlatformSetting.CLOUDWATCH_NAMESPACE;
import static dev.recon.app.platform.PlatformSetting.CLOUDWATCH_REGION;
import static dev.recon.app.platform.PlatformSetting.DATA_DIR;
import static dev.recon.app.platform.PlatformSetting.DB_PASSWORD;
import static dev.recon.app.platform.PlatformSetting.DB_URL;
import static dev.recon.app.platform.PlatformSetting.DB_USER;
import static dev.recon.app.platform.PlatformSetting.FLINK;
import static dev.recon.app.platform.PlatformSetting.KAFKA;
import static dev.recon.app.platform.PlatformSetting.KAFKA_KEYSTORE;
import static dev.recon.app.platform.PlatformSetting.KAFKA_KEYSTORE_PASSWORD;
import static dev.recon.app.platform.PlatformSetting.KAFKA_PARTITIONS;
import static dev.recon.app.platform.PlatformSetting.KAFKA_REPLICATION_FACTOR;
import static dev.recon.app.platform.PlatformSetting.KAFKA_SASL_MECHANISM;
import static dev.recon.app.platform.PlatformSetting.KAFKA_SASL_PASSWORD;
import static dev.recon.app.platform.PlatformSetting.KAFKA_SASL_USERNAME;
import static dev.recon.app.platform.PlatformSetting.KAFKA_SECURITY_PROTOCOL;
import static dev.recon.app.platform.PlatformSetting.KAFKA_TRUSTSTORE;
import static dev.recon.app.platform.PlatformSetting.KAFKA_TRUSTSTORE_PASSWORD;
import static dev.recon.app.platform.PlatformSetting.MODE;
import static dev.recon.app.platform.PlatformSetting.PARALLELISM;
import static dev.recon.app.platform.PlatformSetting.RESTART_ATTEMPTS;
import static dev.recon.app.platform.PlatformSetting.TOTP_KEY;
import static dev.recon.app.platform.PlatformSetting.TOTP_OLD_KEYS;

import dev.recon.app.platform.PlatformSettings.SourcedValue;
import dev.recon.ingestion.secret.AwsSecretsManagerSecrets;
import dev.recon.ingestion.secret.EnvironmentSecrets;
import dev.recon.ingestion.secret.FileSecrets;
import dev.recon.ingestion.secret.SecretReference;
import dev.recon.ingestion.secret.SecretResolver;
import dev.recon.ingestion.secret.SecretSource;
import dev.recon.reporting.access.TotpKey;
import dev.recon.reporting.access.TotpKeyring;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides where each piece of the platform is. For every setting the first source that has a value
 * wins: command-line flags, then environment variables, then the YAML config file, then the
 * embedded default. Every invalid value is reported, not only the first.
 *
 * <p>A secret setting (a password) may hold a secret reference, {@code env:NAME}, {@code
 * file:/path} or {@code aws-sm:id[#field]}, resolved here. In {@link PlatformMode#PRODUCTION} mode
 * the {@link ProductionReadiness} findings (embedded defaults, plaintext connections, weak or
 * literally written secrets) are errors; in development they are warnings.
 */
public final class PlatformConfigResolver {
  /** Environment variable naming the config file when no {@code --config} flag is given. */
  public static final String CONFIG_FILE_VARIABLE = "RECON_CONFIG";

  /**
   * The AWS SDK's region variable: the region of CloudWatch (and Secrets Manager) when {@code
   * cloudwatch.region} is not set otherwise.
   */
  public static final String AWS_REGION_VARIABLE = "AWS_REGION";

  /** The {@code --flink} value that asks for the local MiniCluster explicitly. */
  public static final String LOCAL_FLINK = "local";

  static final int MAX_VALUE_LENGTH = 4096;
  static final int MAX_BOOTSTRAP_SERVERS = 64;
  private static final int MAX_QUOTED_LENGTH = 80;
  private static final String JDBC_POSTGRES_PREFIX = "jdbc:postgresql://";
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)?");

  private PlatformConfigResolver() {}

  /**
   * The config file every part of the platform reads: {@code flag} ({@code --config}), else the
   * file {@value #CONFIG_FILE_VARIABLE} names; empty when neither is given or the variable is not a
   * path ({@link #resolve} reports that).
   */
  public static Optional<Path> configFile(Optional<Path> flag, Map<String, String> environment) {
    if (flag.isPresent()) {
      return flag;
    }
    String named = environment.get(CONFIG_FILE_VARIABLE);
    if (!PlatformSettings.isSet(named)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(named.strip()));
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  /**
   * Resolves flags, then {@code environment}, then the config file ({@code configFile}, or the file
   * named by {@value #CONFIG_FILE_VARIABLE}; none if neither).
   */
  public static ConfigResolution resolve(
      PlatformSettings flags, Map<String, String> environment, Optional<Path> configFile) {
    Optional<Path> file = configFile(configFile, environment);
    List<String> errors = new ArrayList<>();
    if (file.isEmpty() && PlatformSettings.isSet(environment.get(CONFIG_FILE_VARIABLE))) {
      errors.add(CONFIG_FILE_VARIABLE + ": not a valid path");
    }
    PlatformSettings fromFile = PlatformSettings.none();
    if (file.isPresent()) {
      PlatformConfigFile.Contents contents = PlatformConfigFile.read(file.get());
      errors.addAll(contents.errors());
      fromFile = contents.settings();
    }
    PlatformSettings merged =
        flags
            .orElse(PlatformSettings.fromEnvironment(environment))
            .orElse(fromFile)
            .orElse(awsRegion(environment));
    ConfigResolution resolution = resolve(merged, secretSources(environment, Clock.systemUTC()));
    if (errors.isEmpty()) {
      return resolution;
    }
    errors.addAll(resolution.errors());
    return ConfigResolution.invalid(errors);
  }

  /** {@value #AWS_REGION_VARIABLE} as the last source of {@code cloudwatch.region}. */
  private static PlatformSettings awsRegion(Map<String, String> environment) {
    String region = environment.get(AWS_REGION_VARIABLE);
    if (!PlatformSettings.isSet(region)) {
      return PlatformSettings.none();
    }
    return PlatformSettings.of(
        Map.of(CLOUDWATCH_REGION, new SourcedValue(region.strip(), AWS_REGION_VARIABLE)));
  }

  /**
   * Where secret references are looked up: environment variables and files always, AWS Secrets
   * Manager when a region is configured ({@code AWS_REGION}) with the SDK's default credentials.
   */
  public static SecretResolver secretSources(Map<String, String> environment, Clock clock) {
    List<SecretSource> sources = new ArrayList<>();
    sources.add(new EnvironmentSecrets(environment));
    sources.add(new FileSecrets());
    String region = environment.get(AWS_REGION_VARIABLE);
    if (PlatformSettings.isSet(region)) {
      sources.add(AwsSecretsManagerSecrets.create(region.strip(), null, null));
    }
    return new SecretResolver(sources, SecretResolver.DEFAULT_TTL, clock);
  }

  /** Validates already merged settings and fills in the defaults; secret references fail. Pure. */
  public static ConfigResolution resolve(PlatformSettings settings) {
    return resolve(
        settings, new SecretResolver(List.of(), SecretResolver.DEFAULT_TTL, Clock.systemUTC()));
  }

  /** Validates already merged settings, resolving secret references through {@code secrets}. */
  public static ConfigResolution resolve(PlatformSettings settings, SecretResolver secrets) {
    Reader in = new Reader(settings, secrets);
    PlatformMode mode = mode(in);

    String kafka = in.text(KAFKA).flatMap(v -> in.bootstrapServers(KAFKA, v)).orElse(null);
    int partitions =
        in.text(KAFKA_PARTITIONS)
            .flatMap(v -> in.integer(KAFKA_PARTITIONS, v, 1, PlatformConfig.MAX_TOPIC_PARTITIONS))
            .orElse(PlatformConfig.DEFAULT_TOPIC_PARTITIONS);
    Short replicationFactor =
        in.text(KAFKA_REPLICATION_FACTOR)
            .flatMap(
                v ->
                    in.integer(
                        KAFKA_REPLICATION_FACTOR, v, 1, PlatformConfig.MAX_REPLICATION_FACTOR))
            .map(Integer::shortValue)
            .orElse(null);
    if (!settings.has(KAFKA) && replicationFactor != null && replicationFactor != 1) {
      in.error(
          KAFKA_REPLICATION_FACTOR,
          "the embedded Kafka broker has one node, so the replication factor can only be 1 (or set "
              + KAFKA.environmentVariable()
              + ")");
    }

    KafkaSecurity kafkaSecurity = kafkaSecurity(in, settings);

    String dbUrl = in.text(DB_URL).flatMap(v -> in.jdbcUrl(DB_URL, v)).orElse(null);
    String dbUser = in.text(DB_USER).orElse(null);
    String dbPassword = in.secret(DB_PASSWORD).orElse(null);
    String appDbUser = in.text(APP_DB_USER).orElse(null);
    String appDbPassword = in.secret(APP_DB_PASSWORD).orElse(null);
    if (settings.has(DB_URL)) {
      in.requireWith(DB_USER, DB_URL);
      in.requireWith(APP_DB_USER, DB_URL);
      if (dbUser != null && dbUser.equals(appDbUser)) {
        in.error(
            APP_DB_USER,
            "must differ from the owner login "
                + in.origin(DB_USER)
                + ": row-level security does not apply to a table's owner");
      }
    } else {
      for (PlatformSetting login : List.of(DB_USER, DB_PASSWORD, APP_DB_USER, APP_DB_PASSWORD)) {
        if (settings.has(login)) {
          in.error(
              login,
              "is set but the database is the embedded one (its logins are generated); set "
                  + DB_URL.environmentVariable()
                  + " too, or remove it");
        }
      }
    }

    HostAndPort flink =
        in.text(FLINK)
            .filter(v -> !v.equalsIgnoreCase(LOCAL_FLINK))
            .flatMap(v -> in.hostAndPort(FLINK, v, "\"local\" or a JobManager REST host:port"))
            .orElse(null);
    int parallelism =
        in.text(PARALLELISM)
            .flatMap(v -> in.integer(PARALLELISM, v, 1, PlatformConfig.MAX_PARALLELISM))
            .orElse(PlatformConfig.DEFAULT_PARALLELISM);
    Duration checkpointInterval =
        in.text(CHECKPOINT_INTERVAL)
            .flatMap(v -> in.duration(CHECKPOINT_INTERVAL, v))
            .orElse(PlatformConfig.DEFAULT_CHECKPOINT_INTERVAL);
    int restartAttempts =
        in.text(RESTART_ATTEMPTS)
            .flatMap(v -> in.integer(RESTART_ATTEMPTS, v, 0, PlatformConfig.MAX_RESTART_ATTEMPTS))
            .orElse(PlatformConfig.DEFAULT_RESTART_ATTEMPTS);
    Path dataDir = in.text(DATA_DIR).flatMap(v -> in.path(DATA_DIR, v)).orElse(null);
    CloudWatchTarget cloudWatch = cloudWatch(in, settings);
    TotpKeyring totpKeys = totpKeys(in, settings);

    List<String> findings =
        ProductionReadiness.findings(
            settings,
            new ProductionReadiness.Facts(
                kafka,
                kafkaSecurity == null ? null : kafkaSecurity.protocol(),
                dbUrl,
                flink,
                in.secretValues));
    ProductionReadiness.totpKeyFinding(settings).ifPresent(findings::add);
    if (cloudWatch != null && cloudWatch.endpointOverride() != null) {
      findings.add(
          in.origin(CLOUDWATCH_ENDPOINT)
              + ": an endpoint override is for tests; production publishes to the region's"
              + " CloudWatch");
    }
    if (mode == PlatformMode.PRODUCTION) {
      findings.forEach(f -> in.errors.add(f + " [refused in production mode]"));
    }
    if (!in.errors.isEmpty()) {
      return ConfigResolution.invalid(in.errors);
    }
    return new ConfigResolution(
        new PlatformConfig(
            kafka,
            kafka == null ? KafkaSecurity.plaintext() : kafkaSecurity,
            partitions,
            replicationFactor,
            dbUrl,
            dbUser,
            dbPassword,
            appDbUser,
            appDbPassword,
            flink,
            dataDir,
            parallelism,
            checkpointInterval,
            restartAttempts),
        List.of(),
        findings,
        cloudWatch,
        totpKeys);
  }

  /**
   * The keys that seal TOTP secrets: {@code access.totpKey} seals, it and {@code
   * access.totpOldKeys} (comma-separated) open. Null when not set. Errors name the setting and the
   * key's position, never a value.
   */
  private static TotpKeyring totpKeys(Reader in, PlatformSettings settings) {
    if (!settings.has(TOTP_KEY)) {
      if (settings.has(TOTP_OLD_KEYS)) {
        in.error(
            TOTP_OLD_KEYS,
            "is set but "
                + TOTP_KEY.filePath()
                + " ("
                + TOTP_KEY.environmentVariable()
                + ") is not; the current key seals, the old ones only open");
      }
      return null;
    }
    Optional<TotpKey> current =
        in.secret(TOTP_KEY)
            .flatMap(
                v -> {
                  try {
                    return Optional.of(TotpKey.fromBase64(v));
                  } catch (IllegalArgumentException e) {
                    in.error(TOTP_KEY, e.getMessage());
                    return Optional.empty();
                  }
                });
    List<TotpKey> older = new ArrayList<>();
    boolean olderValid = true;
    Optional<String> olderText = in.secret(TOTP_OLD_KEYS);
    if (olderText.isPresent()) {
      String[] parts = olderText.get().split(",", -1);
      if (parts.length > TotpKeyring.MAX_OLDER_KEYS) {
        in.error(TOTP_OLD_KEYS, "at most " + TotpKeyring.MAX_OLDER_KEYS + " keys");
        olderValid = false;
      } else {
        for (int i = 0; i < parts.length; i++) {
          try {
            older.add(TotpKey.fromBase64(parts[i]));
          } catch (IllegalArgumentException e) {
            in.error(TOTP_OLD_KEYS, "key " + (i + 1) + ": " + e.getMessage());
            olderValid = false;
          }
        }
      }
    }
    if (current.isEmpty() || !olderValid) {
      return null;
    }
    try {
      return TotpKeyring.of(current.get(), older);
    } catch (IllegalArgumentException e) {
      in.error(TOTP_OLD_KEYS, e.getMessage());
      return null;
    }
  }

  /**
   * Where {@code recon run} publishes its alarm metrics: nowhere unless {@code
   * cloudwatch.namespace} is set; then the environment and a region are required too. Null after
   * reporting every problem.
   */
  private static CloudWatchTarget cloudWatch(Reader in, PlatformSettings settings) {
    if (!settings.has(CLOUDWATCH_NAMESPACE)) {
      for (PlatformSetting s : List.of(CLOUDWATCH_ENVIRONMENT, CLOUDWATCH_ENDPOINT)) {
        if (settings.has(s)) {
          in.error(
              s,
              "is set but "
                  + CLOUDWATCH_NAMESPACE.filePath()
                  + " ("
                  + CLOUDWATCH_NAMESPACE.environmentVariable()
                  + ") is not, so nothing is published to CloudWatch; set it too, or remove this");
        }
      }
      return null;
    }
    int before = in.errors.size();
    String namespace =
        in.text(CLOUDWATCH_NAMESPACE)
            .filter(
                v ->
                    in.check(
                        CLOUDWATCH_NAMESPACE, v, CloudWatchTarget.namespaceProblem(v).orElse(null)))
            .orElse(null);
    String environment =
        in.text(CLOUDWATCH_ENVIRONMENT)
            .filter(
                v ->
                    in.check(
                        CLOUDWATCH_ENVIRONMENT,
                        v,
                        CloudWatchTarget.environmentProblem(v).orElse(null)))
            .orElse(null);
    String region =
        in.text(CLOUDWATCH_REGION)
            .filter(
                v -> in.check(CLOUDWATCH_REGION, v, CloudWatchTarget.regionProblem(v).orElse(null)))
            .orElse(null);
    URI endpoint = in.text(CLOUDWATCH_ENDPOINT).flatMap(v -> in.endpoint(v)).orElse(null);
    for (PlatformSetting required : List.of(CLOUDWATCH_ENVIRONMENT, CLOUDWATCH_REGION)) {
      if (!settings.has(required)) {
        String names =
            required == CLOUDWATCH_REGION
                ? AWS_REGION_VARIABLE + " (or " + required.environmentVariable() + ", "
                : required.environmentVariable() + " (or ";
        in.errors.add(
            names
                + required.filePath()
                + "): required when "
                + in.origin(CLOUDWATCH_NAMESPACE)
                + " is set");
      }
    }
    if (in.errors.size() > before) {
      return null;
    }
    return new CloudWatchTarget(namespace, environment, region, endpoint);
  }

  /**
   * Resolves what a job on a Flink cluster needs, with the same checks as {@code recon run}: Kafka
   * and its security settings, and for a job that posts to the ledger ({@code required} has {@link
   * PlatformSetting#DB_URL}) the database URL and the application login. A cluster job has no
   * embedded default, so each setting in {@code required} must be given; its value says how (the
   * job's own flag, variable and property names). Other settings are ignored. In production mode
   * the {@link ProductionReadiness} findings for these settings are errors, as for {@code recon
   * run}.
   */
  public static JobConfig.Resolution resolveJob(
      PlatformSettings settings, SecretResolver secrets, Map<PlatformSetting, String> required) {
    Reader in = new Reader(settings, secrets);
    required.forEach(
        (setting, howToSet) -> {
          if (!settings.has(setting)) {
            in.errors.add(howToSet + ": not set; a job on a cluster needs it");
          }
        });
    PlatformMode mode = mode(in);
    String kafka = in.text(KAFKA).flatMap(v -> in.bootstrapServers(KAFKA, v)).orElse(null);
    KafkaSecurity security = settings.has(KAFKA) ? kafkaSecurity(in, settings) : null;
    boolean ledger = required.containsKey(DB_URL);
    String dbUrl = null;
    String appDbUser = null;
    String appDbPassword = null;
    if (ledger) {
      dbUrl = in.text(DB_URL).flatMap(v -> in.jdbcUrl(DB_URL, v)).orElse(null);
      appDbUser = in.text(APP_DB_USER).orElse(null);
      appDbPassword = in.secret(APP_DB_PASSWORD).orElse(null);
    }
    List<String> findings =
        ProductionReadiness.jobFindings(
            settings, security == null ? null : security.protocol(), dbUrl, in.secretValues);
    if (mode == PlatformMode.PRODUCTION) {
      findings.forEach(f -> in.errors.add(f + " [refused in production mode]"));
    }
    if (!in.errors.isEmpty()) {
      return new JobConfig.Resolution(null, in.errors, List.of());
    }
    return new JobConfig.Resolution(
        new JobConfig(mode, new KafkaConnection(kafka, security), dbUrl, appDbUser, appDbPassword),
        List.of(),
        findings);
  }

  private static PlatformMode mode(Reader in) {
    return in.text(MODE)
        .flatMap(
            v -> {
              Optional<PlatformMode> parsed = PlatformMode.parse(v);
              if (parsed.isEmpty()) {
                in.error(MODE, in.quoteValue(MODE, v) + " is not development or production");
              }
              return parsed;
            })
        .orElse(PlatformMode.DEVELOPMENT);
  }

  /**
   * The Kafka security settings, or null after reporting every problem with them. Without a
   * configured cluster they must be absent: the embedded broker speaks plaintext only.
   */
  private static KafkaSecurity kafkaSecurity(Reader in, PlatformSettings settings) {
    List<PlatformSetting> security =
        List.of(
            KAFKA_SECURITY_PROTOCOL,
            KAFKA_SASL_MECHANISM,
            KAFKA_SASL_USERNAME,
            KAFKA_SASL_PASSWORD,
            KAFKA_TRUSTSTORE,
            KAFKA_TRUSTSTORE_PASSWORD,
            KAFKA_KEYSTORE,
            KAFKA_KEYSTORE_PASSWORD);
    if (!settings.has(KAFKA)) {
      for (PlatformSetting s : security) {
        if (settings.has(s)) {
          in.error(
              s,
              "is set but Kafka is the embedded broker (plaintext only); set "
                  + KAFKA.environmentVariable()
                  + " too, or remove it");
        }
      }
      return KafkaSecurity.plaintext();
    }
    int before = in.errors.size();
    KafkaSecurity.Protocol protocol =
        in.text(KAFKA_SECURITY_PROTOCOL)
            .flatMap(
                v -> {
                  Optional<KafkaSecurity.Protocol> p = KafkaSecurity.Protocol.parse(v);
                  if (p.isEmpty()) {
                    in.error(
                        KAFKA_SECURITY_PROTOCOL,
                        in.quoteValue(KAFKA_SECURITY_PROTOCOL, v)
                            + " is not PLAINTEXT, SSL, SASL_SSL or SASL_PLAINTEXT");
                  }
                  return p;
                })
            .orElse(KafkaSecurity.Protocol.PLAINTEXT);
    boolean sasl =
        protocol == KafkaSecurity.Protocol.SASL_SSL
            || protocol == KafkaSecurity.Protocol.SASL_PLAINTEXT;
    boolean ssl =
        protocol == KafkaSecurity.Protocol.SSL || protocol == KafkaSecurity.Protocol.SASL_SSL;
    KafkaSecurity.SaslMechanism mechanism = null;
    String username = null;
    String password = null;
    if (sasl) {
      mechanism =
          in.text(KAFKA_SASL_MECHANISM)
              .flatMap(
                  v -> {
                    Optional<KafkaSecurity.SaslMechanism> m = KafkaSecurity.SaslMechanism.parse(v);
                    if (m.isEmpty()) {
                      in.error(
                          KAFKA_SASL_MECHANISM,
                          in.quoteValue(KAFKA_SASL_MECHANISM, v)
                              + " is not PLAIN, SCRAM-SHA-256, SCRAM-SHA-512 or AWS_MSK_IAM");
                    }
                    return m;
                  })
              .orElse(null);
      in.requireWith(KAFKA_SASL_MECHANISM, KAFKA_SECURITY_PROTOCOL);
      if (mechanism != null && !mechanism.hasLogin()) {
        // MSK IAM signs with the process's AWS credentials: a login beside it would be ignored
        for (PlatformSetting s : List.of(KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD)) {
          if (settings.has(s)) {
            in.error(s, "is set but " + mechanism.kafkaName() + " has no username or password");
          }
        }
        if (protocol != KafkaSecurity.Protocol.SASL_SSL) {
          in.error(
              KAFKA_SASL_MECHANISM,
              mechanism.kafkaName() + " needs the security protocol SASL_SSL, not " + protocol);
        }
      } else {
        username = in.text(KAFKA_SASL_USERNAME).orElse(null);
        password = in.secret(KAFKA_SASL_PASSWORD).orElse(null);
        for (PlatformSetting required : List.of(KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD)) {
          in.requireWith(required, KAFKA_SECURITY_PROTOCOL);
        }
      }
    } else {
      for (PlatformSetting s :
          List.of(KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD)) {
        if (settings.has(s)) {
          in.error(s, "is set but the security protocol is " + protocol + " (no SASL login)");
        }
      }
    }
    Path truststore = null;
    String truststorePassword = null;
    if (ssl) {
      truststore =
          in.text(KAFKA_TRUSTSTORE).flatMap(v -> in.path(KAFKA_TRUSTSTORE, v)).orElse(null);
      truststorePassword = in.secret(KAFKA_TRUSTSTORE_PASSWORD).orElse(null);
      if (truststore != null) {
        Optional<KafkaSecurity.StoreType> type = KafkaSecurity.StoreType.of(truststore);
        if (type.isEmpty()) {
          in.error(
              KAFKA_TRUSTSTORE,
              "name a PEM (.pem, .crt, .cer) or PKCS12 (.p12, .pfx, .pkcs12) file");
        } else if (type.get() == KafkaSecurity.StoreType.PKCS12
            && !settings.has(KAFKA_TRUSTSTORE_PASSWORD)) {
          in.requireWith(KAFKA_TRUSTSTORE_PASSWORD, KAFKA_TRUSTSTORE);
        } else if (type.get() == KafkaSecurity.StoreType.PEM
            && settings.has(KAFKA_TRUSTSTORE_PASSWORD)) {
          in.error(
              KAFKA_TRUSTSTORE_PASSWORD, "a PEM truststore has no password (Kafka refuses one)");
        }
        if (!Files.isRegularFile(truststore)) {
          in.error(KAFKA_TRUSTSTORE, "no such file: " + truststore);
        }
      } else if (settings.has(KAFKA_TRUSTSTORE_PASSWORD)) {
        in.error(KAFKA_TRUSTSTORE_PASSWORD, "is set without " + KAFKA_TRUSTSTORE.filePath());
      }
    } else {
      for (PlatformSetting s : List.of(KAFKA_TRUSTSTORE, KAFKA_TRUSTSTORE_PASSWORD)) {
        if (settings.has(s)) {
          in.error(s, "is set but the security protocol is " + protocol + " (no TLS)");
        }
      }
    }
    Path keystore = null;
    String keystorePassword = null;
    if (ssl) {
      keystore = in.text(KAFKA_KEYSTORE).flatMap(v -> in.path(KAFKA_KEYSTORE, v)).orElse(null);
      keystorePassword = in.secret(KAFKA_KEYSTORE_PASSWORD).orElse(null);
      if (keystore != null) {
        clientKeystore(in, keystore, keystorePassword);
      } else if (settings.has(KAFKA_KEYSTORE_PASSWORD)) {
        in.error(KAFKA_KEYSTORE_PASSWORD, "is set without " + KAFKA_KEYSTORE.filePath());
      }
    } else {
      for (PlatformSetting s : List.of(KAFKA_KEYSTORE, KAFKA_KEYSTORE_PASSWORD)) {
        if (settings.has(s)) {
          in.error(
              s,
              "is set but the security protocol is "
                  + protocol
                  + " (a client certificate needs SSL or SASL_SSL)");
        }
      }
    }
    if (in.errors.size() > before) {
      return null;
    }
    return new KafkaSecurity(
        protocol,
        mechanism,
        username,
        password,
        truststore,
        truststorePassword,
        keystore,
        keystorePassword);
  }

  /**
   * Checks the client keystore of mutual TLS: its type from the name, then the file with its
   * password ({@link ClientKeystoreFile}). A password that did not resolve was reported already.
   */
  private static void clientKeystore(Reader in, Path keystore, String password) {
    Optional<KafkaSecurity.StoreType> type = KafkaSecurity.keystoreType(keystore);
    if (type.isEmpty()) {
      in.error(
          KAFKA_KEYSTORE,
          "name a PKCS12 (.p12, .pfx, .pkcs12) or PEM (.pem) file holding the client's private key"
              + " and certificate chain");
      return;
    }
    boolean passwordGiven = in.settings.has(KAFKA_KEYSTORE_PASSWORD);
    if (type.get() == KafkaSecurity.StoreType.PKCS12 && !passwordGiven) {
      in.requireWith(KAFKA_KEYSTORE_PASSWORD, KAFKA_KEYSTORE);
    } else if (type.get() == KafkaSecurity.StoreType.PEM && passwordGiven) {
      in.error(
          KAFKA_KEYSTORE_PASSWORD,
          "a PEM keystore has no password (its key is unencrypted PKCS#8); use a PKCS12 keystore"
              + " for one");
    }
    Optional<ClientKeystoreFile.Problem> problem =
        ClientKeystoreFile.check(keystore, type.get(), password);
    if (problem.isEmpty() || (problem.get().aboutPassword() && password == null)) {
      return; // fine, or the missing or unresolved password was reported already
    }
    in.error(
        problem.get().aboutPassword() ? KAFKA_KEYSTORE_PASSWORD : KAFKA_KEYSTORE,
        problem.get().text());
  }

  /** Reads values and collects errors; a bad value reads as absent so checking carries on. */
  private static final class Reader {
    private final PlatformSettings settings;
    private final SecretResolver secrets;
    private final List<String> errors = new ArrayList<>();
    private final Map<PlatformSetting, ProductionReadiness.SecretValue> secretValues =
        new EnumMap<>(PlatformSetting.class);

    Reader(PlatformSettings settings, SecretResolver secrets) {
      this.settings = settings;
      this.secrets = secrets;
    }

    String origin(PlatformSetting setting) {
      return settings.get(setting).map(SourcedValue::origin).orElse(setting.environmentVariable());
    }

    void error(PlatformSetting setting, String problem) {
      errors.add(origin(setting) + ": " + problem);
    }

    /** The value, or empty (with an error if it is over the length limit). */
    Optional<String> text(PlatformSetting setting) {
      Optional<String> value = settings.get(setting).map(SourcedValue::value);
      if (value.isPresent() && value.get().length() > MAX_VALUE_LENGTH) {
        error(setting, "longer than " + MAX_VALUE_LENGTH + " characters");
        return Optional.empty();
      }
      return value;
    }

    /**
     * A secret's value: the text itself, or what its reference ({@code env:}, {@code file:}, {@code
     * aws-sm:}) points at. Remembered for the production checks.
     */
    Optional<String> secret(PlatformSetting setting) {
      Optional<String> text = text(setting);
      if (text.isEmpty()) {
        return text;
      }
      String value = text.get();
      boolean reference = isReference(value);
      if (reference) {
        try {
          SecretReference ref = SecretReference.parse(value);
          value = secrets.resolve(ref).reveal();
        } catch (RuntimeException e) {
          // the reference is not secret, the value behind it is: the message names only the former
          error(setting, "secret reference cannot be resolved: " + e.getMessage());
          return Optional.empty();
        }
      }
      String origin = origin(setting);
      boolean inFile =
          !origin.equals(setting.flag()) && !origin.equals(setting.environmentVariable());
      secretValues.put(setting, new ProductionReadiness.SecretValue(value, inFile && !reference));
      return Optional.of(value);
    }

    static boolean isReference(String value) {
      for (SecretReference.Scheme scheme : SecretReference.Scheme.values()) {
        if (value.startsWith(scheme.prefix() + ":")) {
          return true;
        }
      }
      return false;
    }

    String quoteValue(PlatformSetting setting, String value) {
      return quote(setting, value);
    }

    void requireWith(PlatformSetting required, PlatformSetting because) {
      if (!settings.has(required)) {
        errors.add(
            required.environmentVariable()
                + " (or "
                + required.flag()
                + ", "
                + required.filePath()
                + "): required when "
                + origin(because)
                + " is set");
      }
    }

    /** True when {@code problem} is null; else reports it with the (quoted) value. */
    boolean check(PlatformSetting setting, String value, String problem) {
      if (problem == null) {
        return true;
      }
      error(setting, quote(setting, value) + " " + problem);
      return false;
    }

    Optional<URI> endpoint(String value) {
      URI uri;
      try {
        uri = new URI(value);
      } catch (URISyntaxException e) {
        error(CLOUDWATCH_ENDPOINT, quote(CLOUDWATCH_ENDPOINT, value) + " is not a URL");
        return Optional.empty();
      }
      return check(CLOUDWATCH_ENDPOINT, value, CloudWatchTarget.endpointProblem(uri).orElse(null))
          ? Optional.of(uri)
          : Optional.empty();
    }

    Optional<Integer> integer(PlatformSetting setting, String value, int min, int max) {
      if (!value.matches("\\d{1,9}")) {
        error(setting, quote(setting, value) + " is not a whole number");
        return Optional.empty();
      }
      int number = Integer.parseInt(value);
      if (number < min || number > max) {
        error(setting, number + " is outside " + min + ".." + max);
        return Optional.empty();
      }
      return Optional.of(number);
    }

    Optional<String> bootstrapServers(PlatformSetting setting, String value) {
      String[] servers = value.split(",", -1);
      if (servers.length > MAX_BOOTSTRAP_SERVERS) {
        error(setting, "more than " + MAX_BOOTSTRAP_SERVERS + " bootstrap servers");
        return Optional.empty();
      }
      List<String> valid = new ArrayList<>();
      for (String server : servers) {
        Optional<HostAndPort> parsed =
            hostAndPort(setting, server.strip(), "a comma-separated list of host:port");
        if (parsed.isEmpty()) {
          return Optional.empty();
        }
        valid.add(parsed.get().toString());
      }
      return Optional.of(String.join(",", valid));
    }

    Optional<HostAndPort> hostAndPort(PlatformSetting setting, String value, String expected) {
      Optional<HostAndPort> parsed = HostAndPort.parse(value);
      if (parsed.isEmpty()) {
        error(setting, quote(setting, value) + " is not " + expected);
      }
      return parsed;
    }

    Optional<String> jdbcUrl(PlatformSetting setting, String value) {
      if (!value.startsWith(JDBC_POSTGRES_PREFIX)
          || value.length() == JDBC_POSTGRES_PREFIX.length()) {
        error(
            setting,
            quote(setting, value)
                + " is not a PostgreSQL JDBC URL ("
                + JDBC_POSTGRES_PREFIX
                + "...)");
        return Optional.empty();
      }
      return Optional.of(value);
    }

    /** {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, ISO-8601 {@code PT10S}; bare: ms. */
    Optional<Duration> duration(PlatformSetting setting, String value) {
      Duration parsed = null;
      Matcher m = DURATION.matcher(value.toLowerCase(Locale.ROOT));
      if (m.matches()) {
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2);
        parsed =
            switch (unit) {
              case "ms" -> Duration.ofMillis(amount);
              case "s" -> Duration.ofSeconds(amount);
              case "m" -> Duration.ofMinutes(amount);
              default -> Duration.ofHours(amount);
            };
      } else if (value.toUpperCase(Locale.ROOT).startsWith("PT")) {
        try {
          parsed = Duration.parse(value);
        } catch (DateTimeParseException e) {
          parsed = null;
        }
      }
      if (parsed == null) {
        error(
            setting,
            quote(setting, value) + " is not a duration (e.g. 500ms, 10s, 2m, 1h or PT10S)");
        return Optional.empty();
      }
      if (parsed.compareTo(PlatformConfig.MIN_CHECKPOINT_INTERVAL) < 0
          || parsed.compareTo(PlatformConfig.MAX_CHECKPOINT_INTERVAL) > 0) {
        error(
            setting,
            value
                + " is outside "
                + PlatformConfig.MIN_CHECKPOINT_INTERVAL.toMillis()
                + "ms.."
                + PlatformConfig.MAX_CHECKPOINT_INTERVAL.toHours()
                + "h");
        return Optional.empty();
      }
      return Optional.of(parsed);
    }

    Optional<Path> path(PlatformSetting setting, String value) {
      try {
        return Optional.of(Path.of(value));
      } catch (InvalidPathException e) {
        error(setting, quote(setting, value) + " is not a valid path");
        return Optional.empty();
      }
    }

    /** A bad value as shown in an error: secrets masked, long or odd text cut. */
    private static String quote(PlatformSetting setting, String value) {
      if (setting.secret()) {
        return Secrets.MASK;
      }
      String shown = Secrets.maskJdbcUrl(value).replaceAll("\\p{Cntrl}", "?");
      if (shown.length() > MAX_QUOTED_LENGTH) {
        shown = shown.substring(0, MAX_QUOTED_LENGTH) + "...";
      }
      return "'" + shown + "'";
    }
  }
}
