package dev.recon.app.cluster;

import static dev.recon.app.cluster.ClusterJobsFixture.writeRuntimeProperties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.app.platform.TestKafkaCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Kafka client properties a cluster job's sources and sinks start from. */
class ClusterJobsKafkaTest {
  private static final String KAFKA_PASSWORD = "k4fka-Pw-long-enough-1";

  @TempDir Path dir;

  private Properties clientProperties(Map<String, String> env, String... args) throws Exception {
    ClusterJobsFixture fixture = new ClusterJobsFixture(env, dir.resolve("absent.json"), Map.of());
    return fixture.plan(args).config().kafka().properties();
  }

  @Test
  void plaintextByDefault() throws Exception {
    Properties p = clientProperties(Map.of(), "--job", "normalize", "--kafka", "b:9092");

    assertThat(p)
        .containsOnly(
            Map.entry("bootstrap.servers", "b:9092"), Map.entry("security.protocol", "PLAINTEXT"));
  }

  @Test
  void tlsWithAPemTruststore() throws Exception {
    Path ca = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");

    Properties p =
        clientProperties(
            Map.of(),
            "--job",
            "normalize",
            "--kafka",
            "b:9093",
            "--kafka-security-protocol",
            "SSL",
            "--kafka-truststore",
            ca.toString());

    assertThat(p)
        .containsEntry("security.protocol", "SSL")
        .containsEntry("ssl.truststore.type", "PEM")
        .containsEntry("ssl.truststore.location", ca.toString())
        .doesNotContainKey("sasl.mechanism");
  }

  @Test
  void saslSslScramFromTheVariablesReconRunReads() throws Exception {
    Path ca = Files.writeString(dir.resolve("ca.p12"), "not read here");
    Map<String, String> env =
        Map.of(
            "RECON_KAFKA", "b:9096",
            "RECON_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
            "RECON_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
            "RECON_KAFKA_SASL_USERNAME", "recon",
            "RECON_KAFKA_SASL_PASSWORD", "env:KAFKA_PW",
            "KAFKA_PW", KAFKA_PASSWORD,
            "RECON_KAFKA_TRUSTSTORE", ca.toString(),
            "TRUSTSTORE_PW", "truststore-pw-long-1");

    Properties p =
        clientProperties(
            env, "--job", "normalize", "--kafka-truststore-password-env", "TRUSTSTORE_PW");

    assertThat(p)
        .containsEntry("bootstrap.servers", "b:9096")
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry(
            "sasl.jaas.config",
            "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"recon\" password=\""
                + KAFKA_PASSWORD
                + "\";")
        .containsEntry("ssl.truststore.type", "PKCS12")
        .containsEntry("ssl.truststore.password", "truststore-pw-long-1");
  }

  @Test
  void saslPasswordFromAFileOption() throws Exception {
    Path password = Files.writeString(dir.resolve("kafka-password"), KAFKA_PASSWORD + "\n");

    Properties p =
        clientProperties(
            Map.of(),
            "--job=normalize",
            "--kafka=b:9096",
            "--kafka-security-protocol=SASL_SSL",
            "--kafka-sasl-mechanism=SCRAM-SHA-256",
            "--kafka-sasl-username=recon",
            "--kafka-sasl-password-file=" + password);

    assertThat(p.getProperty("sasl.jaas.config")).contains("password=\"" + KAFKA_PASSWORD + "\"");
  }

  @Test
  void mskIamSignsWithTheJobsAwsCredentials() throws Exception {
    Properties p =
        clientProperties(
            Map.of("APP_PW", "app-Pw-long-enough-3"),
            "--job",
            "match",
            "--kafka",
            "b-1.msk:9098",
            "--kafka-security-protocol",
            "SASL_SSL",
            "--kafka-sasl-mechanism",
            "AWS_MSK_IAM",
            "--db-url",
            "jdbc:postgresql://db/recon",
            "--db-user",
            "recon_app",
            "--db-password-env",
            "APP_PW");

    assertThat(p)
        .containsOnly(
            Map.entry("bootstrap.servers", "b-1.msk:9098"),
            Map.entry("security.protocol", "SASL_SSL"),
            Map.entry("sasl.mechanism", "AWS_MSK_IAM"),
            Map.entry("sasl.jaas.config", "software.amazon.msk.auth.iam.IAMLoginModule required;"),
            Map.entry(
                "sasl.client.callback.handler.class",
                "software.amazon.msk.auth.iam.IAMClientCallbackHandler"));
  }

  @Test
  void theMskIamClassesAreOnTheJobsClassPath() throws Exception {
    // the jar bundles what the test class path has; a missing class fails the job only on AWS
    assertThat(Class.forName("software.amazon.msk.auth.iam.IAMLoginModule")).isNotNull();
    assertThat(Class.forName("software.amazon.msk.auth.iam.IAMClientCallbackHandler")).isNotNull();
  }

  @Test
  void mskIamRefusesALoginAndAnUnencryptedProtocol() throws Exception {
    Path file =
        writeRuntimeProperties(
            dir.resolve("application_properties.json"),
            Map.of(
                "recon.job", "normalize",
                "recon.kafka.bootstrap", "b-1.msk:9098",
                "recon.kafka.securityProtocol", "SASL_PLAINTEXT",
                "recon.kafka.saslMechanism", "AWS_MSK_IAM",
                "recon.kafka.saslUsername", "recon"));
    ClusterJobsFixture fixture = new ClusterJobsFixture(Map.of(), file, Map.of());

    assertThatThrownBy(fixture::plan)
        .hasMessageContaining(
            "recon.kafka.saslUsername (" + file + "): is set but AWS_MSK_IAM has no username")
        .hasMessageContaining(
            "AWS_MSK_IAM needs the security protocol SASL_SSL, not SASL_PLAINTEXT");
  }

  @Test
  void mutualTlsWithAClientKeystoreFromTheOptions() throws Exception {
    Path keystore = TestKafkaCertificates.selfSignedKeystore(dir.resolve("client.p12"));

    Properties p =
        clientProperties(
            Map.of("KEYSTORE_PW", TestKafkaCertificates.PASSWORD),
            "--job=normalize",
            "--kafka=b:9094",
            "--kafka-security-protocol=SSL",
            "--kafka-keystore=" + keystore,
            "--kafka-keystore-password-env=KEYSTORE_PW");

    assertThat(p)
        .containsEntry("security.protocol", "SSL")
        .containsEntry("ssl.keystore.type", "PKCS12")
        .containsEntry("ssl.keystore.location", keystore.toString())
        .containsEntry("ssl.keystore.password", TestKafkaCertificates.PASSWORD);
  }

  @Test
  void mutualTlsFromTheVariablesReconRunReads() throws Exception {
    Path keystore = TestKafkaCertificates.selfSignedKeystore(dir.resolve("client.p12"));
    Path password = Files.writeString(dir.resolve("keystore-pw"), TestKafkaCertificates.PASSWORD);

    Properties p =
        clientProperties(
            Map.of(
                "RECON_KAFKA",
                "b:9094",
                "RECON_KAFKA_SECURITY_PROTOCOL",
                "SSL",
                "RECON_KAFKA_KEYSTORE",
                keystore.toString(),
                "RECON_KAFKA_KEYSTORE_PASSWORD",
                "file:" + password),
            "--job",
            "normalize");

    assertThat(p).containsEntry("ssl.keystore.password", TestKafkaCertificates.PASSWORD);
  }

  @Test
  void managedFlinkRefusesAClientKeystoreAndPointsAtMskIam() throws Exception {
    Path file =
        writeRuntimeProperties(
            dir.resolve("application_properties.json"),
            Map.of(
                "recon.job", "normalize",
                "recon.kafka.bootstrap", "b-1.msk:9094",
                "recon.kafka.securityProtocol", "SSL",
                "recon.kafka.keystore", "/etc/recon/client.p12",
                "recon.kafka.keystorePassword", "aws-sm:recon/kafka-client#password"));
    ClusterJobsFixture fixture = new ClusterJobsFixture(Map.of(), file, Map.of());

    assertThatThrownBy(fixture::plan)
        .hasMessageContaining(
            "recon.kafka.keystore ("
                + file
                + "): a client keystore (Kafka mutual TLS) is a file on every Flink node, which"
                + " Managed Flink cannot mount; authenticate with MSK IAM instead"
                + " (recon.kafka.securityProtocol = SASL_SSL, recon.kafka.saslMechanism ="
                + " AWS_MSK_IAM)")
        .hasMessageContaining("recon.kafka.keystorePassword (" + file + "): a client keystore")
        .hasMessageNotContaining("unknown runtime properties");
  }
}
