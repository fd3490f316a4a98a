package dev.recon.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.reporting.access.TotpKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProductionModeTest {
  private static final String STRONG = "x7Vq-93kd-PP1a-zz0w";
  private static final String STRONG_APP = "b8Wr-10ke-QQ2b-yy1v";
  private static final String TOTP_KEY = TotpKey.generate().toBase64();

  @TempDir Path dir;

  /** Environment of a production deployment that passes every check. */
  private Map<String, String> production() throws Exception {
    Path ca = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
    Map<String, String> env = new HashMap<>();
    env.put("RECON_MODE", "production");
    env.put("RECON_KAFKA", "b1:9096");
    env.put("RECON_KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
    env.put("RECON_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
    env.put("RECON_KAFKA_SASL_USERNAME", "recon");
    env.put("RECON_KAFKA_SASL_PASSWORD", "env:KAFKA_PW");
    env.put("KAFKA_PW", "k4fka-Pw-long-enough-1");
    env.put("RECON_KAFKA_TRUSTSTORE", ca.toString());
    env.put("RECON_DB_URL", "jdbc:postgresql://db:5432/recon?sslmode=verify-full");
    env.put("RECON_DB_USER", "recon_owner");
    env.put("RECON_DB_PASSWORD", STRONG);
    env.put("RECON_APP_DB_USER", "recon_app");
    env.put("RECON_APP_DB_PASSWORD", STRONG_APP);
    env.put("RECON_FLINK", "jobmanager:8081");
    env.put("RECON_TOTP_KEY", "env:TOTP_KEY");
    env.put("TOTP_KEY", TOTP_KEY);
    return env;
  }

  private static ConfigResolution resolve(Map<String, String> env) {
    return PlatformConfigResolver.resolve(PlatformSettings.none(), env, Optional.empty());
  }

  private static ConfigResolution resolve(Map<String, String> env, Path file) {
    return PlatformConfigResolver.resolve(PlatformSettings.none(), env, Optional.of(file));
  }

  @Test
  void aProductionReadyConfigResolvesWithSecretReferencesAndNoWarnings() throws Exception {
    ConfigResolution r = resolve(production());

    assertThat(r.errors()).isEmpty();
    assertThat(r.warnings()).isEmpty();
    KafkaSecurity security = r.config().kafkaSecurity();
    assertThat(security.protocol()).isEqualTo(KafkaSecurity.Protocol.SASL_SSL);
    assertThat(security.saslPassword()).isEqualTo("k4fka-Pw-long-enough-1");
    assertThat(r.config().toString()).doesNotContain("k4fka").doesNotContain(STRONG);
  }

  @Test
  void mskIamIsProductionReadyForReconRunToo() throws Exception {
    Map<String, String> env = production();
    env.put("RECON_KAFKA_SASL_MECHANISM", "AWS_MSK_IAM");
    env.remove("RECON_KAFKA_SASL_USERNAME");
    env.remove("RECON_KAFKA_SASL_PASSWORD");
    env.remove("RECON_KAFKA_TRUSTSTORE");

    ConfigResolution r = resolve(env);

    assertThat(r.errors()).isEmpty();
    assertThat(r.config().kafkaSecurity().saslMechanism())
        .isEqualTo(KafkaSecurity.SaslMechanism.AWS_MSK_IAM);
    env.put("RECON_KAFKA_SASL_USERNAME", "recon");
    assertThat(resolve(env).errors())
        .containsExactly(
            "RECON_KAFKA_SASL_USERNAME: is set but AWS_MSK_IAM has no username or password");
  }

  @Test
  void embeddedDefaultsAreRefusedAllAtOnce() {
    ConfigResolution r = resolve(Map.of("RECON_MODE", "production"));

    assertThat(r.isValid()).isFalse();
    assertThat(r.errors())
        .anySatisfy(e -> assertThat(e).startsWith("kafka.bootstrap (RECON_KAFKA, --kafka)"))
        .anySatisfy(e -> assertThat(e).startsWith("db.url (RECON_DB_URL, --db-url)"))
        .anySatisfy(e -> assertThat(e).startsWith("flink.jobManager (RECON_FLINK, --flink)"))
        .anySatisfy(e -> assertThat(e).startsWith("access.totpKey (RECON_TOTP_KEY): not set"))
        .allSatisfy(e -> assertThat(e).endsWith("[refused in production mode]"))
        .hasSize(4);
  }

  @Test
  void localFlinkNamedExplicitlyIsRefusedToo() throws Exception {
    Map<String, String> env = production();
    env.put("RECON_FLINK", "local");

    assertThat(resolve(env).errors()).singleElement().asString().startsWith("RECON_FLINK: 'local'");
  }

  @Test
  void plaintextKafkaIsRefused() throws Exception {
    for (String protocol : List.of("PLAINTEXT", "SASL_PLAINTEXT")) {
      Map<String, String> env = production();
      env.put("RECON_KAFKA_SECURITY_PROTOCOL", protocol);
      env.remove("RECON_KAFKA_TRUSTSTORE");
      if (protocol.equals("PLAINTEXT")) {
        env.remove("RECON_KAFKA_SASL_MECHANISM");
        env.remove("RECON_KAFKA_SASL_USERNAME");
        env.remove("RECON_KAFKA_SASL_PASSWORD");
      }

      assertThat(resolve(env).errors())
          .singleElement()
          .asString()
          .startsWith("RECON_KAFKA_SECURITY_PROTOCOL: " + protocol + " sends");
    }
  }

  @Test
  void kafkaWithoutAnyProtocolSettingIsPlaintextAndRefused() throws Exception {
    Map<String, String> env = production();
    env.keySet().removeIf(k -> k.startsWith("RECON_KAFKA_"));

    assertThat(resolve(env).errors())
        .singleElement()
        .asString()
        .startsWith("kafka.securityProtocol (RECON_KAFKA_SECURITY_PROTOCOL,");
  }

  @Test
  void postgresWithoutCertificateVerificationIsRefused() throws Exception {
    for (String url :
        List.of(
            "jdbc:postgresql://db:5432/recon",
            "jdbc:postgresql://db:5432/recon?sslmode=require",
            "jdbc:postgresql://db:5432/recon?sslmode=disable&ssl=true")) {
      Map<String, String> env = production();
      env.put("RECON_DB_URL", url);

      assertThat(resolve(env).errors())
          .as(url)
          .singleElement()
          .asString()
          .startsWith("RECON_DB_URL: ")
          .contains("does not verify");
    }
    Map<String, String> env = production();
    env.put("RECON_DB_URL", "jdbc:postgresql://db:5432/recon?ssl=true&sslmode=verify-ca");
    assertThat(resolve(env).errors()).isEmpty();
  }

  @Test
  void weakSecretsAreRefusedWithoutShowingThem() throws Exception {
    Map<String, String> env = production();
    env.put("RECON_DB_PASSWORD", "postgres");
    env.put("RECON_APP_DB_PASSWORD", "short-Pw-1");
    env.put("KAFKA_PW", "ChangeMe");

    List<String> errors = resolve(env).errors();

    assertThat(errors)
        .containsExactlyInAnyOrder(
            "RECON_DB_PASSWORD: a well-known default password; generate a new one"
                + " [refused in production mode]",
            "RECON_APP_DB_PASSWORD: the secret is shorter than 16 characters"
                + " [refused in production mode]",
            "RECON_KAFKA_SASL_PASSWORD: a well-known default password; generate a new one"
                + " [refused in production mode]");
    assertThat(String.join("\n", errors))
        .doesNotContain("postgres")
        .doesNotContain("short-Pw-1")
        .doesNotContainIgnoringCase("changeme");
  }

  @Test
  void missingDatabasePasswordsAreRefused() throws Exception {
    Map<String, String> env = production();
    env.remove("RECON_DB_PASSWORD");
    env.remove("RECON_APP_DB_PASSWORD");

    assertThat(resolve(env).errors())
        .containsExactlyInAnyOrder(
            "db.password (RECON_DB_PASSWORD): not set; a production login needs a password"
                + " [refused in production mode]",
            "db.appPassword (RECON_APP_DB_PASSWORD): not set; a production login needs a password"
                + " [refused in production mode]");
  }

  @Test
  void secretsWrittenInTheFileAreRefusedButReferencesThereAreFine() throws Exception {
    Map<String, String> env = production();
    env.remove("RECON_DB_PASSWORD");
    env.remove("RECON_APP_DB_PASSWORD");
    env.put("APP_PW", STRONG_APP);
    Path file =
        Files.writeString(
            dir.resolve("recon.yaml"),
            "db:\n  password: \"" + STRONG + "\"\n  appPassword: env:APP_PW\n");

    List<String> errors = resolve(env, file).errors();

    assertThat(errors)
        .singleElement()
        .asString()
        .isEqualTo(
            file
                + ": db.password: a secret written in the config file; use a secret reference"
                + " (env:NAME, file:/path or aws-sm:id) [refused in production mode]");
  }

  @Test
  void fileSecretReferencesResolve() throws Exception {
    Map<String, String> env = production();
    Path secret = Files.writeString(dir.resolve("db-password"), STRONG + "\n");
    env.put("RECON_DB_PASSWORD", "file:" + secret);

    ConfigResolution r = resolve(env);

    assertThat(r.errors()).isEmpty();
    assertThat(r.config().dbPassword()).isEqualTo(STRONG);
  }

  @Test
  void anUnresolvableReferenceIsAnErrorNamingOnlyTheReference() throws Exception {
    Map<String, String> env = production();
    env.remove("KAFKA_PW");
    env.put("RECON_DB_PASSWORD", "file:" + dir.resolve("absent"));

    assertThat(resolve(env).errors())
        .hasSize(2)
        .anySatisfy(e -> assertThat(e).startsWith("RECON_KAFKA_SASL_PASSWORD: secret reference"))
        .anySatisfy(e -> assertThat(e).startsWith("RECON_DB_PASSWORD: secret reference"));
  }

  @Test
  void everyProblemIsListedAtOnce() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("bad.yaml"),
            String.join(
                "\n",
                "mode: production",
                "kafka:",
                "  bootstrap: b1:9092",
                "  securityProtocol: SASL_PLAINTEXT",
                "  saslMechanism: PLAIN",
                "  saslUsername: recon",
                "  saslPassword: changeme",
                "db:",
                "  url: jdbc:postgresql://db:5432/recon?sslmode=require",
                "  user: owner",
                "  password: postgres",
                "  appUser: app",
                "  appPassword: recon",
                "flink:",
                "  parallelism: 0",
                ""));

    ConfigResolution r = resolve(Map.of(), file);

    String all = String.join("\n", r.errors());
    assertThat(r.errors()).hasSize(11);
    assertThat(all)
        .contains(file + ": flink.parallelism: 0 is outside")
        .contains(file + ": kafka.securityProtocol: SASL_PLAINTEXT sends")
        .contains(file + ": db.url: sslmode=require does not verify")
        .contains("flink.jobManager (RECON_FLINK, --flink): not set")
        .contains("access.totpKey (RECON_TOTP_KEY): not set")
        .contains(file + ": kafka.saslPassword: a secret written in the config file")
        .contains(file + ": kafka.saslPassword: a well-known default password")
        .contains(file + ": db.password: a secret written in the config file")
        .contains(file + ": db.password: a well-known default password")
        .contains(file + ": db.appPassword: a secret written in the config file")
        .contains(file + ": db.appPassword: a well-known default password")
        .doesNotContain("changeme")
        .doesNotContain("postgres");
  }

  @Test
  void developmentTurnsTheSameFindingsIntoWarnings() {
    ConfigResolution r =
        resolve(
            Map.of(
                "RECON_DB_URL",
                "jdbc:postgresql://127.0.0.1/recon",
                "RECON_DB_USER",
                "owner",
                "RECON_DB_PASSWORD",
                "postgres",
                "RECON_APP_DB_USER",
                "app"));

    assertThat(r.isValid()).isTrue();
    assertThat(r.warnings())
        .anySatisfy(w -> assertThat(w).startsWith("kafka.bootstrap (RECON_KAFKA, --kafka)"))
        .anySatisfy(w -> assertThat(w).startsWith("RECON_DB_URL: no sslmode"))
        .anySatisfy(w -> assertThat(w).startsWith("RECON_DB_PASSWORD: a well-known default"))
        .anySatisfy(w -> assertThat(w).startsWith("db.appPassword (RECON_APP_DB_PASSWORD)"))
        .allSatisfy(w -> assertThat(w).doesNotContain("postgres\"").doesNotContain(": postgres"));
  }

  @Test
  void theTotpKeyComesFromASecretReferenceAndIsNeverShown() throws Exception {
    ConfigResolution r = resolve(production());

    assertThat(r.totpKeys())
        .hasValueSatisfying(
            k -> assertThat(k.keyIds()).containsExactly(TotpKey.fromBase64(TOTP_KEY).id()));
    assertThat(r.toString()).doesNotContain(TOTP_KEY);
  }

  @Test
  void aTotpKeyOfAnotherLengthIsRefusedWithoutShowingIt() throws Exception {
    Map<String, String> env = production();
    String short16 = java.util.Base64.getEncoder().encodeToString(new byte[16]);
    env.put("TOTP_KEY", short16);

    assertThat(resolve(env).errors())
        .singleElement()
        .asString()
        .startsWith("RECON_TOTP_KEY: a TOTP key must be 32 bytes")
        .contains("this one is 16 bytes")
        .doesNotContain(short16);
    env.put("TOTP_KEY", "this is not a base64 key at all");
    assertThat(resolve(env).errors())
        .singleElement()
        .asString()
        .startsWith("RECON_TOTP_KEY: the TOTP key is not base64")
        .doesNotContain("at all");
  }

  @Test
  void olderTotpKeysOpenAfterARotationButNeedACurrentKey() throws Exception {
    Map<String, String> env = production();
    String old = TotpKey.generate().toBase64();
    env.put("RECON_TOTP_OLD_KEYS", old + ", " + TotpKey.generate().toBase64());

    assertThat(resolve(env).totpKeys().orElseThrow().keyIds())
        .hasSize(3)
        .startsWith(TotpKey.fromBase64(TOTP_KEY).id())
        .contains(TotpKey.fromBase64(old).id());
    env.put("RECON_TOTP_OLD_KEYS", old + ",short");
    assertThat(resolve(env).errors())
        .containsExactly(
            "RECON_TOTP_OLD_KEYS: key 2: the TOTP key is not base64"
                + " (generate one with: openssl rand -base64 32)");
    env.remove("RECON_TOTP_KEY");
    env.put("RECON_TOTP_OLD_KEYS", old);
    assertThat(resolve(env).errors())
        .anySatisfy(e -> assertThat(e).startsWith("RECON_TOTP_OLD_KEYS: is set but access.totpKey"))
        .allSatisfy(e -> assertThat(e).doesNotContain(old));
  }

  @Test
  void aTotpKeyWrittenInTheFileIsRefusedInProduction() throws Exception {
    Map<String, String> env = production();
    env.remove("RECON_TOTP_KEY");
    Path file =
        Files.writeString(dir.resolve("key.yaml"), "access:\n  totpKey: " + TOTP_KEY + "\n");

    assertThat(resolve(env, file).errors())
        .singleElement()
        .asString()
        .startsWith(file + ": access.totpKey: a secret written in the config file")
        .doesNotContain(TOTP_KEY);
  }

  @Test
  void developmentWithoutATotpKeyWarnsAndLeavesTheKeyToTheDataFolder() {
    ConfigResolution r = resolve(Map.of());

    assertThat(r.isValid()).isTrue();
    assertThat(r.totpKeys()).isEmpty();
    assertThat(r.warnings())
        .anySatisfy(w -> assertThat(w).startsWith("access.totpKey (RECON_TOTP_KEY): not set"));
  }

  @Test
  void anUnknownModeIsAnError() {
    assertThat(resolve(Map.of("RECON_MODE", "prod")).errors())
        .containsExactly("RECON_MODE: 'prod' is not development or production");
  }
}
