package dev.recon.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client keystore of Kafka mutual TLS as a setting: where it may be set and what is checked.
 */
class KafkaClientKeystoreTest {
  private static final String PASSWORD = TestKafkaCertificates.PASSWORD;
  private static final String CERTIFICATE =
      TestKafkaCertificates.block("CERTIFICATE", new byte[] {1, 2, 3});

  @TempDir static Path shared;
  @TempDir Path dir;

  private static Path p12;

  @BeforeAll
  static void makeKeystore() throws Exception {
    p12 = TestKafkaCertificates.selfSignedKeystore(shared.resolve("client.p12"));
  }

  /** A TLS cluster with a PKCS12 keystore whose password is an env: reference. */
  private static Map<String, String> mutualTls() {
    Map<String, String> env = new HashMap<>();
    env.put("RECON_KAFKA", "b1:9094");
    env.put("RECON_KAFKA_SECURITY_PROTOCOL", "SSL");
    env.put("RECON_KAFKA_KEYSTORE", p12.toString());
    env.put("RECON_KAFKA_KEYSTORE_PASSWORD", "env:KEYSTORE_PW");
    env.put("KEYSTORE_PW", PASSWORD);
    return env;
  }

  private static ConfigResolution resolve(Map<String, String> env) {
    return PlatformConfigResolver.resolve(PlatformSettings.none(), env, Optional.empty());
  }

  private static ConfigResolution resolve(Map<String, String> env, Path file) {
    return PlatformConfigResolver.resolve(PlatformSettings.none(), env, Optional.of(file));
  }

  @Test
  void aPkcs12KeystoreReachesTheClientProperties() {
    ConfigResolution r = resolve(mutualTls());

    assertThat(r.errors()).isEmpty();
    KafkaSecurity security = r.config().kafkaSecurity();
    assertThat(security.keystore()).isEqualTo(p12);
    assertThat(security.clientProperties())
        .containsEntry("security.protocol", "SSL")
        .containsEntry("ssl.keystore.type", "PKCS12")
        .containsEntry("ssl.keystore.location", p12.toString())
        .containsEntry("ssl.keystore.password", PASSWORD)
        .doesNotContainKey("ssl.key.password");
  }

  @Test
  void theKeystoreMayComeFromTheFlagOrTheConfigFile() throws Exception {
    Map<String, String> env = mutualTls();
    env.remove("RECON_KAFKA_KEYSTORE");
    Map<PlatformSetting, String> flags = Map.of(PlatformSetting.KAFKA_KEYSTORE, p12.toString());
    ConfigResolution fromFlag =
        PlatformConfigResolver.resolve(
            PlatformSettings.fromFlags(flags), env, Optional.<Path>empty());
    Path yaml =
        Files.writeString(
            dir.resolve("recon.yaml"),
            "kafka:\n  keystore: " + p12 + "\n  keystorePassword: env:KEYSTORE_PW\n");
    env.remove("RECON_KAFKA_KEYSTORE_PASSWORD");
    ConfigResolution fromFile = resolve(env, yaml);

    assertThat(fromFlag.errors()).isEmpty();
    assertThat(fromFlag.config().kafkaSecurity().keystore()).isEqualTo(p12);
    assertThat(fromFile.errors()).isEmpty();
    assertThat(fromFile.config().kafkaSecurity().keystorePassword()).isEqualTo(PASSWORD);
  }

  @Test
  void aPemKeystoreHasNoPassword() throws Exception {
    Path pem =
        Files.writeString(
            dir.resolve("client.pem"),
            TestKafkaCertificates.block("PRIVATE KEY", new byte[] {4, 5}) + CERTIFICATE);
    Map<String, String> env = mutualTls();
    env.put("RECON_KAFKA_KEYSTORE", pem.toString());
    env.remove("RECON_KAFKA_KEYSTORE_PASSWORD");

    ConfigResolution r = resolve(env);

    assertThat(r.errors()).isEmpty();
    assertThat(r.config().kafkaSecurity().clientProperties())
        .containsEntry("ssl.keystore.type", "PEM")
        .containsEntry("ssl.keystore.location", pem.toString())
        .doesNotContainKeys("ssl.keystore.password", "ssl.key.password");
    env.put("RECON_KAFKA_KEYSTORE_PASSWORD", "env:KEYSTORE_PW");
    assertThat(resolve(env).errors())
        .containsExactly(
            "RECON_KAFKA_KEYSTORE_PASSWORD: a PEM keystore has no password (its key is"
                + " unencrypted PKCS#8); use a PKCS12 keystore for one");
  }

  @Test
  void aPemKeystoreNeedsACertificateAndOneUnencryptedPkcs8Key() throws Exception {
    Map<String, String> env = mutualTls();
    env.remove("RECON_KAFKA_KEYSTORE_PASSWORD");
    Map<String, String> problems =
        Map.of(
            TestKafkaCertificates.block("PRIVATE KEY", new byte[] {4}),
            "holds no certificate",
            CERTIFICATE,
            "holds no private key",
            TestKafkaCertificates.block("RSA PRIVATE KEY", new byte[] {4}) + CERTIFICATE,
            "holds a RSA private key, which Kafka does not read",
            TestKafkaCertificates.block("ENCRYPTED PRIVATE KEY", new byte[] {4}) + CERTIFICATE,
            "holds an encrypted private key",
            TestKafkaCertificates.block("PRIVATE KEY", new byte[] {4})
                + TestKafkaCertificates.block("PRIVATE KEY", new byte[] {5})
                + CERTIFICATE,
            "holds 2 private keys");
    int i = 0;
    for (Map.Entry<String, String> problem : problems.entrySet()) {
      Path pem = Files.writeString(dir.resolve("client-" + i++ + ".pem"), problem.getKey());
      env.put("RECON_KAFKA_KEYSTORE", pem.toString());

      assertThat(resolve(env).errors())
          .singleElement()
          .asString()
          .startsWith("RECON_KAFKA_KEYSTORE: " + pem)
          .contains(problem.getValue());
    }
  }

  @Test
  void aPkcs12KeystoreNeedsItsPassword() {
    Map<String, String> env = mutualTls();
    env.remove("RECON_KAFKA_KEYSTORE_PASSWORD");

    assertThat(resolve(env).errors())
        .containsExactly(
            "RECON_KAFKA_KEYSTORE_PASSWORD (or --kafka-keystore-password,"
                + " kafka.keystorePassword): required when RECON_KAFKA_KEYSTORE is set");
  }

  @Test
  void aWrongPasswordIsNamedButNotShown() {
    Map<String, String> env = mutualTls();
    env.put("KEYSTORE_PW", "a-wrong-password-of-some-length");

    ConfigResolution r = resolve(env);

    assertThat(r.errors())
        .containsExactly(
            "RECON_KAFKA_KEYSTORE_PASSWORD: does not open "
                + p12
                + " as PKCS12 (wrong password or not PKCS12)");
    assertThat(String.join(" ", r.errors())).doesNotContain("a-wrong-password");
  }

  @Test
  void aTruststoreIsNotAKeystore() throws Exception {
    java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
    java.security.KeyStore source = java.security.KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(p12)) {
      source.load(in, PASSWORD.toCharArray());
    }
    trust.load(null, null);
    trust.setCertificateEntry("ca", source.getCertificate("client"));
    Path truststore = dir.resolve("ca.p12");
    try (var out = Files.newOutputStream(truststore)) {
      trust.store(out, PASSWORD.toCharArray());
    }
    Map<String, String> env = mutualTls();
    env.put("RECON_KAFKA_KEYSTORE", truststore.toString());

    assertThat(resolve(env).errors())
        .containsExactly(
            "RECON_KAFKA_KEYSTORE: "
                + truststore
                + " holds no private key, only certificates (is it a truststore?)");
  }

  @Test
  void theFileMustExistAndBeReadable() throws Exception {
    Map<String, String> env = mutualTls();
    env.put("RECON_KAFKA_KEYSTORE", dir.resolve("absent.p12").toString());
    assertThat(resolve(env).errors())
        .containsExactly("RECON_KAFKA_KEYSTORE: no such file: " + dir.resolve("absent.p12"));

    Path folder = Files.createDirectories(dir.resolve("folder.p12"));
    env.put("RECON_KAFKA_KEYSTORE", folder.toString());
    assertThat(resolve(env).errors())
        .containsExactly("RECON_KAFKA_KEYSTORE: no such file: " + folder);
  }

  @Test
  void anUnreadableFileIsNamed() throws Exception {
    Map<String, String> env = mutualTls();
    Path locked = Files.copy(p12, dir.resolve("locked.p12"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    assumeThat(Files.isReadable(locked)).as("root reads any file").isFalse();
    env.put("RECON_KAFKA_KEYSTORE", locked.toString());
    assertThat(resolve(env).errors())
        .containsExactly("RECON_KAFKA_KEYSTORE: cannot be read (file permissions): " + locked);
  }

  @Test
  void onlyAKeystoreOrPemNameIsAKeystore() throws Exception {
    Map<String, String> env = mutualTls();
    Path crt = Files.writeString(dir.resolve("client.crt"), CERTIFICATE);
    env.put("RECON_KAFKA_KEYSTORE", crt.toString());

    assertThat(resolve(env).errors())
        .containsExactly(
            "RECON_KAFKA_KEYSTORE: name a PKCS12 (.p12, .pfx, .pkcs12) or PEM (.pem) file holding"
                + " the client's private key and certificate chain");
  }

  @Test
  void aKeystoreNeedsTls() {
    for (String protocol : new String[] {"PLAINTEXT", "SASL_PLAINTEXT"}) {
      Map<String, String> env = mutualTls();
      env.put("RECON_KAFKA_SECURITY_PROTOCOL", protocol);
      env.put("RECON_KAFKA_SASL_MECHANISM", "PLAIN");
      env.put("RECON_KAFKA_SASL_USERNAME", "recon");
      env.put("RECON_KAFKA_SASL_PASSWORD", "sasl-password-long-enough");
      if (protocol.equals("PLAINTEXT")) {
        env.remove("RECON_KAFKA_SASL_MECHANISM");
        env.remove("RECON_KAFKA_SASL_USERNAME");
        env.remove("RECON_KAFKA_SASL_PASSWORD");
      }

      assertThat(resolve(env).errors())
          .containsExactly(
              "RECON_KAFKA_KEYSTORE: is set but the security protocol is "
                  + protocol
                  + " (a client certificate needs SSL or SASL_SSL)",
              "RECON_KAFKA_KEYSTORE_PASSWORD: is set but the security protocol is "
                  + protocol
                  + " (a client certificate needs SSL or SASL_SSL)");
    }
  }

  @Test
  void withSaslSslTheCertificateComesOnTopOfTheLogin() {
    Map<String, String> env = mutualTls();
    env.put("RECON_KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
    env.put("RECON_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
    env.put("RECON_KAFKA_SASL_USERNAME", "recon");
    env.put("RECON_KAFKA_SASL_PASSWORD", "sasl-password-long-enough");

    ConfigResolution r = resolve(env);

    assertThat(r.errors()).isEmpty();
    assertThat(r.config().kafkaSecurity().clientProperties())
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry("ssl.keystore.location", p12.toString());
  }

  @Test
  void everyProblemIsListedAtOnce() {
    Map<String, String> env = mutualTls();
    env.remove("RECON_KAFKA_KEYSTORE_PASSWORD");
    env.put("RECON_KAFKA_KEYSTORE", dir.resolve("absent.p12").toString());
    env.put("RECON_KAFKA_TRUSTSTORE", dir.resolve("absent-ca.pem").toString());

    assertThat(resolve(env).errors())
        .containsExactlyInAnyOrder(
            "RECON_KAFKA_TRUSTSTORE: no such file: " + dir.resolve("absent-ca.pem"),
            "RECON_KAFKA_KEYSTORE_PASSWORD (or --kafka-keystore-password,"
                + " kafka.keystorePassword): required when RECON_KAFKA_KEYSTORE is set",
            "RECON_KAFKA_KEYSTORE: no such file: " + dir.resolve("absent.p12"));
  }

  @Test
  void passwordWithoutKeystoreAndKeystoreOnTheEmbeddedBrokerAreRefused() {
    Map<String, String> env = mutualTls();
    env.remove("RECON_KAFKA_KEYSTORE");
    assertThat(resolve(env).errors())
        .containsExactly("RECON_KAFKA_KEYSTORE_PASSWORD: is set without kafka.keystore");

    Map<String, String> embedded = mutualTls();
    embedded.remove("RECON_KAFKA");
    embedded.remove("RECON_KAFKA_SECURITY_PROTOCOL");
    assertThat(resolve(embedded).errors())
        .containsExactly(
            "RECON_KAFKA_KEYSTORE: is set but Kafka is the embedded broker (plaintext only); set"
                + " RECON_KAFKA too, or remove it",
            "RECON_KAFKA_KEYSTORE_PASSWORD: is set but Kafka is the embedded broker (plaintext"
                + " only); set RECON_KAFKA too, or remove it");
  }

  @Test
  void productionModeRefusesALiteralPasswordInTheConfigFile() throws Exception {
    Path yaml =
        Files.writeString(
            dir.resolve("recon.yaml"),
            "mode: production\nkafka:\n  keystorePassword: " + PASSWORD + "\n");
    Map<String, String> env = mutualTls();
    env.remove("RECON_KAFKA_KEYSTORE_PASSWORD");

    ConfigResolution r = resolve(env, yaml);

    assertThat(r.errors())
        .contains(
            yaml
                + ": kafka.keystorePassword: a secret written in the config file; use a secret"
                + " reference (env:NAME, file:/path or aws-sm:id) [refused in production mode]");
    assertThat(String.join(" ", r.errors())).doesNotContain(PASSWORD);
  }

  @Test
  void productionModeRefusesAWeakPassword() {
    Map<String, String> env = mutualTls();
    env.put("RECON_MODE", "production");
    env.put("KEYSTORE_PW", "changeit");

    ConfigResolution r = resolve(env);

    assertThat(r.errors())
        .contains(
            "RECON_KAFKA_KEYSTORE_PASSWORD: a well-known default password; generate a new one"
                + " [refused in production mode]");
    assertThat(String.join(" ", r.errors())).doesNotContain("changeit");
  }

  @Test
  void thePasswordIsNeverShown() {
    ConfigResolution r = resolve(mutualTls());

    String shown =
        r.toString()
            + r.config()
            + r.config().kafkaSecurity()
            + new KafkaConnection(r.config().kafkaBootstrap(), r.config().kafkaSecurity());
    assertThat(shown).doesNotContain(PASSWORD).contains("keystore=" + p12);
  }
}
