package dev.recon.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.ingestion.secret.EnvironmentSecrets;
import dev.recon.ingestion.secret.SecretResolver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * recon's Kafka clients against a real broker whose TLS listener requires a client certificate: the
 * settings go through the resolver {@code recon run} uses ({@code RECON_KAFKA_*} variables, the
 * password as an {@code env:} reference), and the clients are built from the resulting {@link
 * KafkaConnection} as recon's producers, consumers and admin clients are.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class KafkaMutualTlsIT {
  private static final String PASSWORD_VARIABLE = "KAFKA_KEYSTORE_PASSWORD_FOR_TEST";

  /** Bounds each refused connection; the broker answers a refused handshake at once. */
  private static final int REFUSAL_TIMEOUT_MS = 20_000;

  /** Upper bound of a read-back that cannot end otherwise; never reached when the test passes. */
  private static final Duration READ_DEADLINE = Duration.ofSeconds(60);

  @TempDir static Path dir;

  private static TestKafkaCertificates certificates;
  private static EmbeddedKafkaBroker broker;

  @BeforeAll
  static void startBroker() throws Exception {
    certificates = TestKafkaCertificates.create(dir.resolve("tls"));
    broker =
        EmbeddedKafkaBroker.startWithTls(
            dir.resolve("kafka"),
            new EmbeddedKafkaBroker.TlsListener(
                certificates.brokerKeystore(),
                TestKafkaCertificates.PASSWORD,
                certificates.caPem()));
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void aClientWithItsCertificateWritesAndReadsBack() throws Exception {
    KafkaConnection kafka = resolve(Optional.of(certificates.clientKeystore()));
    assertThat(kafka.properties())
        .containsEntry("ssl.keystore.type", "PKCS12")
        .containsEntry("ssl.keystore.password", TestKafkaCertificates.PASSWORD);

    assertThat(roundTrip(kafka, "mtls-p12")).containsExactly("settled-p12");
  }

  @Test
  void aPemKeystoreWorksToo() throws Exception {
    KafkaConnection kafka = resolve(Optional.of(certificates.clientPem()));
    assertThat(kafka.properties())
        .containsEntry("ssl.keystore.type", "PEM")
        .doesNotContainKey("ssl.keystore.password");

    assertThat(roundTrip(kafka, "mtls-pem")).containsExactly("settled-pem");
  }

  @Test
  void withoutAClientCertificateTheBrokerRefuses() throws Exception {
    KafkaConnection kafka = resolve(Optional.empty());
    assertThat(kafka.properties()).doesNotContainKey("ssl.keystore.location");

    assertRefused(kafka);
  }

  @Test
  void aCertificateFromAnotherAuthorityIsRefused() throws Exception {
    assertRefused(resolve(Optional.of(certificates.strangerKeystore())));
  }

  /** The TLS settings as {@code recon run} reads them, resolved by its own resolver. */
  private static KafkaConnection resolve(Optional<Path> keystore) {
    Map<String, String> environment = new HashMap<>();
    environment.put("RECON_KAFKA", broker.tlsBootstrapServers());
    environment.put("RECON_KAFKA_SECURITY_PROTOCOL", "SSL");
    environment.put("RECON_KAFKA_TRUSTSTORE", certificates.caPem().toString());
    keystore.ifPresent(
        k -> {
          environment.put("RECON_KAFKA_KEYSTORE", k.toString());
          if (k.toString().endsWith(".p12")) {
            environment.put("RECON_KAFKA_KEYSTORE_PASSWORD", "env:" + PASSWORD_VARIABLE);
          }
        });
    SecretResolver secrets =
        new SecretResolver(
            List.of(
                new EnvironmentSecrets(Map.of(PASSWORD_VARIABLE, TestKafkaCertificates.PASSWORD))),
            SecretResolver.DEFAULT_TTL,
            Clock.systemUTC());
    ConfigResolution resolution =
        PlatformConfigResolver.resolve(PlatformSettings.fromEnvironment(environment), secrets);
    assertThat(resolution.errors()).isEmpty();
    PlatformConfig config = resolution.config();
    return new KafkaConnection(config.kafkaBootstrap(), config.kafkaSecurity());
  }

  /**
   * Creates {@code topic} with an admin client, writes one record with recon's reliable producer
   * and reads it back with a consumer, all over {@code kafka}; returns the values read.
   */
  private static List<String> roundTrip(KafkaConnection kafka, String topic) throws Exception {
    try (Admin admin = Admin.create(TopicProvisioner.adminProperties(kafka))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
    String value = topic.replace("mtls-", "settled-");
    try (Producer<String, byte[]> producer = ReliableProducer.create(kafka)) {
      producer
          .send(new ProducerRecord<>(topic, "key", value.getBytes(StandardCharsets.UTF_8)))
          .get();
    }
    Properties p = kafka.properties();
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long deadline = System.nanoTime() + READ_DEADLINE.toNanos();
      while (values.isEmpty() && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          values.add(r.value());
        }
      }
    }
    return values;
  }

  /** The broker ends the handshake: the admin client fails with an SSL authentication error. */
  private static void assertRefused(KafkaConnection kafka) {
    Map<String, Object> p = TopicProvisioner.adminProperties(kafka);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, REFUSAL_TIMEOUT_MS);
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, REFUSAL_TIMEOUT_MS);
    try (Admin admin = Admin.create(p)) {
      assertThatThrownBy(() -> admin.describeCluster().clusterId().get())
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(SslAuthenticationException.class);
    }
  }
}
