package dev.recon.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaSecurityTest {
  private static final String PASSWORD = "s3cr3t-\"quoted\"-pass\\word";

  static KafkaConnection saslSsl() {
    return new KafkaConnection(
        "b1:9096,b2:9096",
        new KafkaSecurity(
            KafkaSecurity.Protocol.SASL_SSL,
            KafkaSecurity.SaslMechanism.SCRAM_SHA_512,
            "recon",
            PASSWORD,
            Path.of("/etc/recon/kafka-ca.p12"),
            "truststore-pass-1234",
            null,
            null));
  }

  /** The settings any client built from {@link #saslSsl()} must carry. */
  static void assertSecured(Map<?, ?> clientProperties) {
    assertThat(clientProperties.get("bootstrap.servers")).isEqualTo("b1:9096,b2:9096");
    assertThat(clientProperties.get("security.protocol")).isEqualTo("SASL_SSL");
    assertThat(clientProperties.get("sasl.mechanism")).isEqualTo("SCRAM-SHA-512");
    assertThat((String) clientProperties.get("sasl.jaas.config"))
        .startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required")
        .contains("username=\"recon\"");
    assertThat(clientProperties.get("ssl.truststore.type")).isEqualTo("PKCS12");
    assertThat(clientProperties.get("ssl.truststore.location"))
        .isEqualTo("/etc/recon/kafka-ca.p12");
    assertThat(clientProperties.get("ssl.truststore.password")).isEqualTo("truststore-pass-1234");
  }

  @Test
  void saslSslCarriesMechanismLoginAndTruststore() {
    assertSecured(saslSsl().properties());
    assertSecured(saslSsl().asMap());
    assertSecured(saslSsl().applyTo(new Properties()));
  }

  @Test
  void jaasQuotesAndBackslashesAreEscaped() {
    String jaas = saslSsl().security().clientProperties().get("sasl.jaas.config");

    assertThat(jaas)
        .endsWith("password=\"s3cr3t-\\\"quoted\\\"-pass\\\\word\";")
        .contains("username=\"recon\"");
  }

  @Test
  void plainMechanismUsesPlainLoginModule() {
    KafkaSecurity plain =
        new KafkaSecurity(
            KafkaSecurity.Protocol.SASL_SSL,
            KafkaSecurity.SaslMechanism.PLAIN,
            "u",
            "p",
            Path.of("ca.pem"),
            null,
            null,
            null);

    assertThat(plain.clientProperties())
        .containsEntry("sasl.mechanism", "PLAIN")
        .containsEntry("ssl.truststore.type", "PEM")
        .doesNotContainKey("ssl.truststore.password");
    assertThat(plain.clientProperties().get("sasl.jaas.config"))
        .startsWith("org.apache.kafka.common.security.plain.PlainLoginModule required");
  }

  @Test
  void plaintextSaysSoExplicitly() {
    assertThat(KafkaConnection.plaintext("127.0.0.1:9092").properties())
        .containsOnly(
            Map.entry("bootstrap.servers", "127.0.0.1:9092"),
            Map.entry("security.protocol", "PLAINTEXT"));
  }

  @Test
  void passwordsNeverShowInToString() {
    String shown = saslSsl().toString() + " " + saslSsl().security();

    assertThat(shown)
        .doesNotContain("s3cr3t")
        .doesNotContain("truststore-pass")
        .contains("SASL_SSL")
        .contains("****");
  }

  @Test
  void inconsistentSettingsAreRefused() {
    assertThatThrownBy(
            () ->
                new KafkaSecurity(
                    KafkaSecurity.Protocol.SASL_SSL, null, "u", "p", null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new KafkaSecurity(
                    KafkaSecurity.Protocol.PLAINTEXT,
                    null,
                    null,
                    null,
                    Path.of("ca.pem"),
                    null,
                    null,
                    null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new KafkaSecurity(
                    KafkaSecurity.Protocol.SSL,
                    null,
                    null,
                    null,
                    Path.of("ca.jks"),
                    null,
                    null,
                    null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void mskIamHasNoLoginAndNeedsSaslSsl() {
    KafkaSecurity iam =
        new KafkaSecurity(
            KafkaSecurity.Protocol.SASL_SSL,
            KafkaSecurity.SaslMechanism.AWS_MSK_IAM,
            null,
            null,
            null,
            null,
            null,
            null);

    assertThat(iam.clientProperties())
        .containsExactly(
            Map.entry("security.protocol", "SASL_SSL"),
            Map.entry("sasl.mechanism", "AWS_MSK_IAM"),
            Map.entry("sasl.jaas.config", "software.amazon.msk.auth.iam.IAMLoginModule required;"),
            Map.entry(
                "sasl.client.callback.handler.class",
                "software.amazon.msk.auth.iam.IAMClientCallbackHandler"));
    assertThat(iam.toString()).isEqualTo("KafkaSecurity{protocol=SASL_SSL, sasl=AWS_MSK_IAM}");
    assertThatThrownBy(
            () ->
                new KafkaSecurity(
                    KafkaSecurity.Protocol.SASL_SSL,
                    KafkaSecurity.SaslMechanism.AWS_MSK_IAM,
                    "u",
                    "p",
                    null,
                    null,
                    null,
                    null))
        .hasMessageContaining("a SASL login with MSK IAM");
    assertThatThrownBy(
            () ->
                new KafkaSecurity(
                    KafkaSecurity.Protocol.SASL_PLAINTEXT,
                    KafkaSecurity.SaslMechanism.AWS_MSK_IAM,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null))
        .hasMessageContaining("MSK IAM without SASL_SSL");
  }

  @Test
  void producerAndAdminClientsCarryTheSecuritySettings() {
    Properties producer = ReliableProducer.properties(saslSsl());
    assertSecured(producer);
    assertThat(producer).containsEntry("acks", "all").containsEntry("enable.idempotence", true);

    Map<String, Object> admin = TopicProvisioner.adminProperties(saslSsl());
    assertSecured(admin);
    assertThat(admin).containsKey("default.api.timeout.ms");
  }

  @Test
  void theEmbeddedPlatformConfigIsPlaintextAndRefusesSecurityWithoutACluster() {
    assertThat(PlatformConfig.embedded().kafkaSecurity()).isEqualTo(KafkaSecurity.plaintext());
    assertThatThrownBy(() -> PlatformConfig.embedded().withKafkaSecurity(saslSsl().security()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aClientKeystoreMapsToKafkasKeystoreProperties() {
    KafkaSecurity p12 =
        new KafkaSecurity(
            KafkaSecurity.Protocol.SSL,
            null,
            null,
            null,
            Path.of("/etc/recon/ca.pem"),
            null,
            Path.of("/etc/recon/client.p12"),
            "keystore-pass-1234");
    KafkaSecurity pem =
        new KafkaSecurity(
            KafkaSecurity.Protocol.SASL_SSL,
            KafkaSecurity.SaslMechanism.SCRAM_SHA_256,
            "recon",
            PASSWORD,
            null,
            null,
            Path.of("/etc/recon/client.pem"),
            null);

    assertThat(p12.clientProperties())
        .containsEntry("ssl.keystore.type", "PKCS12")
        .containsEntry("ssl.keystore.location", "/etc/recon/client.p12")
        .containsEntry("ssl.keystore.password", "keystore-pass-1234");
    assertThat(pem.clientProperties())
        .containsEntry("ssl.keystore.type", "PEM")
        .containsEntry("ssl.keystore.location", "/etc/recon/client.pem")
        .doesNotContainKeys("ssl.keystore.password", "ssl.key.password");
    assertThat(p12.toString() + pem)
        .contains("keystore=/etc/recon/client.p12, keystorePassword=****")
        .contains("keystore=/etc/recon/client.pem, keystorePassword=none")
        .doesNotContain("keystore-pass");
  }

  @Test
  void inconsistentKeystoreSettingsAreRefused() {
    Path p12 = Path.of("client.p12");
    assertThatThrownBy(
            () ->
                new KafkaSecurity(
                    KafkaSecurity.Protocol.PLAINTEXT, null, null, null, null, null, p12, "pw"))
        .hasMessageContaining("a client keystore without SSL");
    assertThatThrownBy(
            () ->
                new KafkaSecurity(
                    KafkaSecurity.Protocol.SSL, null, null, null, null, null, p12, null))
        .hasMessageContaining("a client keystore password exactly with PKCS12");
    assertThatThrownBy(
            () ->
                new KafkaSecurity(
                    KafkaSecurity.Protocol.SSL,
                    null,
                    null,
                    null,
                    null,
                    null,
                    Path.of("client.pem"),
                    "pw"))
        .hasMessageContaining("a client keystore password exactly with PKCS12");
    assertThatThrownBy(
            () ->
                new KafkaSecurity(
                    KafkaSecurity.Protocol.SSL, null, null, null, null, null, null, "pw"))
        .hasMessageContaining("client keystore password alone");
    assertThatThrownBy(
            () ->
                new KafkaSecurity(
                    KafkaSecurity.Protocol.SSL,
                    null,
                    null,
                    null,
                    null,
                    null,
                    Path.of("client.crt"),
                    null))
        .hasMessageContaining("client keystore type");
  }
}
