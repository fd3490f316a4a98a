package dev.recon.app.platform;

import static dev.recon.app.platform.PlatformSetting.APP_DB_PASSWORD;
import static dev.recon.app.platform.PlatformSetting.DB_PASSWORD;
import static dev.recon.app.platform.PlatformSetting.DB_URL;
import static dev.recon.app.platform.PlatformSetting.FLINK;
import static dev.recon.app.platform.PlatformSetting.KAFKA;
import static dev.recon.app.platform.PlatformSetting.KAFKA_SECURITY_PROTOCOL;
import static dev.recon.app.platform.PlatformSetting.TOTP_KEY;

import dev.recon.app.platform.PlatformSettings.SourcedValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What keeps a resolved configuration from being fit for production: embedded defaults, plaintext
 * connections, default or weak secrets, and secrets written literally into the config file. Pure;
 * each finding names the flag, variable or file key to fix and never shows a secret.
 */
final class ProductionReadiness {
  /** Shorter secrets are guessable; 16 characters is what a password manager generates at least. */
  static final int MIN_SECRET_LENGTH = 16;

  /** Passwords that ship with images, tutorials and this project's own examples. */
  static final Set<String> WELL_KNOWN_SECRETS =
      Set.of(
          "postgres",
          "password",
          "passw0rd",
          "password1",
          "changeme",
          "change-me",
          "changeit",
          "secret",
          "recon",
          "recon-app",
          "admin",
          "root",
          "test",
          "guest",
          "kafka",
          "letmein",
          "default",
          "123456",
          "12345678",
          "qwerty");

  /**
   * {@code verify-full} checks the certificate and the host name, {@code verify-ca} the certificate
   * (for a server reached through a name its certificate does not carry). {@code require} and below
   * encrypt without checking who answers, so a man in the middle reads the ledger: refused.
   */
  static final Set<String> VERIFYING_SSL_MODES = Set.of("verify-full", "verify-ca");

  private static final Pattern SSL_MODE = Pattern.compile("(?i)[?&]sslmode=([^&;]*)");

  /** A secret's value and whether it was written literally (not as a reference) in the file. */
  record SecretValue(String value, boolean literalInFile) {
    @Override
    public String toString() {
      return "SecretValue[****, literalInFile=" + literalInFile + "]";
    }
  }

  /** The resolved facts the rules look at. */
  record Facts(
      String kafkaBootstrap,
      KafkaSecurity.Protocol kafkaProtocol,
      String dbUrl,
      HostAndPort flinkJobManager,
      Map<PlatformSetting, SecretValue> secrets) {
    @Override
    public String toString() {
      return "Facts[kafka=" + kafkaBootstrap + ", secrets=" + secrets.keySet() + "]";
    }
  }

  private ProductionReadiness() {}

  static List<String> findings(PlatformSettings settings, Facts facts) {
    List<String> out = new ArrayList<>();
    if (facts.kafkaBootstrap() == null) {
      out.add(
          unset(KAFKA)
              + ": not set, so an embedded single-node Kafka broker would hold the data;"
              + " production needs a real cluster");
    } else {
      out.addAll(kafkaFindings(settings, facts.kafkaProtocol()));
    }
    if (facts.dbUrl() == null) {
      out.add(
          unset(DB_URL)
              + ": not set, so an embedded PostgreSQL would hold the ledger;"
              + " production needs a real database");
    } else {
      out.addAll(databaseFindings(settings, facts.dbUrl(), List.of(DB_PASSWORD, APP_DB_PASSWORD)));
    }
    if (facts.flinkJobManager() == null) {
      out.add(
          where(settings, FLINK)
              + ": "
              + (settings.has(FLINK) ? "'local'" : "not set")
              + ", so each job would run in a local MiniCluster inside this process;"
              + " production needs a Flink cluster");
    }
    out.addAll(secretFindings(settings, facts.secrets()));
    return out;
  }

  /**
   * The findings for a job on a Flink cluster, which has no embedded default to fall back on (its
   * caller refuses a missing Kafka or database outright) and logs in with the application role
   * only: a plaintext Kafka, a database connection that does not verify the server, and weak or
   * literally written secrets. {@code dbUrl} is null for a job without the ledger.
   */
  static List<String> jobFindings(
      PlatformSettings settings,
      KafkaSecurity.Protocol kafkaProtocol,
      String dbUrl,
      Map<PlatformSetting, SecretValue> secrets) {
    List<String> out = new ArrayList<>(kafkaFindings(settings, kafkaProtocol));
    if (dbUrl != null) {
      out.addAll(databaseFindings(settings, dbUrl, List.of(APP_DB_PASSWORD)));
    }
    out.addAll(secretFindings(settings, secrets));
    return out;
  }

  /**
   * Without a configured key the UI would seal TOTP secrets with one generated into the data
   * folder, next to the data it protects: refused in production.
   */
  static Optional<String> totpKeyFinding(PlatformSettings settings) {
    if (settings.has(TOTP_KEY)) {
      return Optional.empty();
    }
    return Optional.of(
        unset(TOTP_KEY)
            + ": not set, so the TOTP secrets of UI users would be sealed with a key generated into"
            + " the data folder; production needs a key from a secret reference"
            + " (base64 of 32 bytes: openssl rand -base64 32)");
  }

  private static List<String> kafkaFindings(
      PlatformSettings settings, KafkaSecurity.Protocol protocol) {
    if (protocol == KafkaSecurity.Protocol.PLAINTEXT
        || protocol == KafkaSecurity.Protocol.SASL_PLAINTEXT) {
      return List.of(
          where(settings, KAFKA_SECURITY_PROTOCOL)
              + ": "
              + protocol
              + " sends records and logins unencrypted; use SSL or SASL_SSL");
    }
    return List.of();
  }

  private static List<String> databaseFindings(
      PlatformSettings settings, String dbUrl, List<PlatformSetting> logins) {
    List<String> out = new ArrayList<>();
    String mode = sslMode(dbUrl);
    if (mode == null || !VERIFYING_SSL_MODES.contains(mode)) {
      out.add(
          where(settings, DB_URL)
              + ": "
              + (mode == null ? "no sslmode" : "sslmode=" + mode)
              + " does not verify the server's certificate; add sslmode=verify-full"
              + " (or verify-ca)");
    }
    for (PlatformSetting login : logins) {
      if (!settings.has(login)) {
        out.add(unset(login) + ": not set; a production login needs a password");
      }
    }
    return out;
  }

  private static List<String> secretFindings(
      PlatformSettings settings, Map<PlatformSetting, SecretValue> secrets) {
    List<String> out = new ArrayList<>();
    secrets.forEach(
        (setting, secret) -> {
          if (secret.literalInFile()) {
            out.add(
                where(settings, setting)
                    + ": a secret written in the config file; use a secret reference"
                    + " (env:NAME, file:/path or aws-sm:id)");
          }
          weakness(secret.value()).ifPresent(w -> out.add(where(settings, setting) + ": " + w));
        });
    return out;
  }

  /** Why a secret is unfit, if it is: empty, too short or well known. Never the value itself. */
  static java.util.Optional<String> weakness(String secret) {
    if (secret == null || secret.isBlank()) {
      return java.util.Optional.of("the secret is empty");
    }
    if (WELL_KNOWN_SECRETS.contains(secret.strip().toLowerCase(Locale.ROOT))) {
      return java.util.Optional.of("a well-known default password; generate a new one");
    }
    if (secret.length() < MIN_SECRET_LENGTH) {
      return java.util.Optional.of(
          "the secret is shorter than " + MIN_SECRET_LENGTH + " characters");
    }
    return java.util.Optional.empty();
  }

  /** The {@code sslmode} parameter of a JDBC URL, lower case; null when absent. */
  static String sslMode(String jdbcUrl) {
    Matcher m = SSL_MODE.matcher(jdbcUrl);
    String mode = null;
    while (m.find()) {
      mode = m.group(1).toLowerCase(Locale.ROOT); // the driver takes the last one
    }
    return mode;
  }

  private static String where(PlatformSettings settings, PlatformSetting setting) {
    return settings.get(setting).map(SourcedValue::origin).orElseGet(() -> unset(setting));
  }

  /** A setting nobody gave: all its names, so the user picks where to set it. */
  static String unset(PlatformSetting setting) {
    return setting.filePath()
        + " ("
        + setting.environmentVariable()
        + (setting.secret() ? "" : ", " + setting.flag())
        + ")";
  }
}
