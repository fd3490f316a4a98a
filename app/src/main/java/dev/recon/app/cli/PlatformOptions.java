package dev.recon.app.cli;

import dev.recon.app.platform.ConfigResolution;
import dev.recon.app.platform.PlatformConfig;
import dev.recon.app.platform.PlatformConfigResolver;
import dev.recon.app.platform.PlatformSetting;
import dev.recon.app.platform.PlatformSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Where the platform's pieces are. Anything not given here, in the environment or in the config
 * file runs embedded. Passwords are deliberately not options (they would show in the process list):
 * use RECON_DB_PASSWORD / RECON_APP_DB_PASSWORD / RECON_KAFKA_SASL_PASSWORD /
 * RECON_KAFKA_TRUSTSTORE_PASSWORD / RECON_KAFKA_KEYSTORE_PASSWORD or the config file, each as a
 * value or a secret reference.
 */
final class PlatformOptions {

  /** The command this mixin is part of, for its error stream. */
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = {
        "YAML config file (default: $RECON_CONFIG). Each setting is taken from the first of:"
            + " its flag, its RECON_* environment variable (RECON_KAFKA,"
            + " RECON_KAFKA_SECURITY_PROTOCOL, RECON_DB_URL, RECON_DB_PASSWORD, RECON_FLINK,"
            + " RECON_MODE, ...), this file, the embedded default.",
        "Passwords are env:NAME, file:/path or aws-sm:id[#field] references (a literal works in"
            + " development only)."
      })
  Path configFile;

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      description =
          "development (default) or production: production refuses embedded Kafka, PostgreSQL"
              + " and Flink, plaintext connections (Kafka PLAINTEXT/SASL_PLAINTEXT, PostgreSQL"
              + " without sslmode=verify-full or verify-ca) and empty, short, well-known or"
              + " literally written secrets; development prints them as warnings")
  String mode;

  @Option(names = "--kafka", paramLabel = "HOST:PORT,...", description = "Kafka bootstrap servers")
  String kafka;

  @Option(
      names = "--kafka-security-protocol",
      paramLabel = "PROTOCOL",
      description = "PLAINTEXT (default), SSL, SASL_SSL or SASL_PLAINTEXT")
  String kafkaSecurityProtocol;

  @Option(
      names = "--kafka-sasl-mechanism",
      paramLabel = "MECHANISM",
      description =
          "PLAIN, SCRAM-SHA-256, SCRAM-SHA-512 (password: RECON_KAFKA_SASL_PASSWORD) or"
              + " AWS_MSK_IAM (the process's AWS credentials, with SASL_SSL)")
  String kafkaSaslMechanism;

  @Option(names = "--kafka-sasl-username", paramLabel = "USER", description = "Kafka SASL login")
  String kafkaSaslUsername;

  @Option(
      names = "--kafka-truststore",
      paramLabel = "FILE",
      description =
          "CA certificates for Kafka TLS: .pem/.crt, or .p12 (password:"
              + " RECON_KAFKA_TRUSTSTORE_PASSWORD)")
  String kafkaTruststore;

  @Option(
      names = "--kafka-keystore",
      paramLabel = "FILE",
      description =
          "client key and certificate chain for Kafka mutual TLS (SSL or SASL_SSL): .p12/.pfx"
              + " (password: RECON_KAFKA_KEYSTORE_PASSWORD), or .pem with an unencrypted PKCS#8"
              + " key (no password)")
  String kafkaKeystore;

  @Option(
      names = "--db-url",
      paramLabel = "JDBC_URL",
      description = "PostgreSQL (jdbc:postgresql://...)")
  String dbUrl;

  @Option(
      names = "--db-user",
      paramLabel = "USER",
      description = "database owner login (migrations)")
  String dbUser;

  @Option(names = "--app-db-user", paramLabel = "USER", description = "application login (RLS)")
  String appDbUser;

  @Option(
      names = "--flink",
      paramLabel = "HOST:PORT",
      description = "Flink JobManager REST endpoint, or 'local'")
  String flink;

  @Option(names = "--parallelism", paramLabel = "N", description = "Flink parallelism")
  String parallelism;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "where embedded Kafka/PostgreSQL keep data")
  String dataDir;

  /** Resolves flags > environment > config file > embedded defaults, listing every error. */
  ConfigResolution resolve(Map<String, String> environment, Optional<Path> defaultDataDir) {
    Map<PlatformSetting, String> flags = new EnumMap<>(PlatformSetting.class);
    put(flags, PlatformSetting.MODE, mode);
    put(flags, PlatformSetting.KAFKA, kafka);
    put(flags, PlatformSetting.KAFKA_SECURITY_PROTOCOL, kafkaSecurityProtocol);
    put(flags, PlatformSetting.KAFKA_SASL_MECHANISM, kafkaSaslMechanism);
    put(flags, PlatformSetting.KAFKA_SASL_USERNAME, kafkaSaslUsername);
    put(flags, PlatformSetting.KAFKA_TRUSTSTORE, kafkaTruststore);
    put(flags, PlatformSetting.KAFKA_KEYSTORE, kafkaKeystore);
    put(flags, PlatformSetting.DB_URL, dbUrl);
    put(flags, PlatformSetting.DB_USER, dbUser);
    put(flags, PlatformSetting.APP_DB_USER, appDbUser);
    put(flags, PlatformSetting.FLINK, flink);
    put(flags, PlatformSetting.PARALLELISM, parallelism);
    put(flags, PlatformSetting.DATA_DIR, dataDir);
    ConfigResolution resolution =
        PlatformConfigResolver.resolve(
            PlatformSettings.fromFlags(flags), environment, Optional.ofNullable(configFile));
    if (resolution.isValid() && mixee != null) {
      // once per start, and never a value: the findings name keys only
      PrintWriter err = mixee.commandLine().getErr();
      resolution
          .warnings()
          .forEach(w -> err.println("warning: " + w + " [refused with --mode production]"));
    }
    if (!resolution.isValid() || defaultDataDir.isEmpty()) {
      return resolution;
    }
    PlatformConfig config = resolution.config();
    return config.dataDir() == null
        ? resolution.withConfig(config.withDataDir(defaultDataDir.get()))
        : resolution;
  }

  private static void put(Map<PlatformSetting, String> flags, PlatformSetting s, String value) {
    if (value != null) {
      flags.put(s, value);
    }
  }
}
