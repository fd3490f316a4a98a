package dev.recon.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.app.platform.KafkaConnection;
import dev.recon.app.platform.KafkaSecurity;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.kafka.Topics;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The consumers and the Flink sources and sinks of a secured cluster carry its settings. */
class KafkaClientSecurityTest {
  private static final KafkaConnection SECURED =
      new KafkaConnection(
          "b1:9096",
          new KafkaSecurity(
              KafkaSecurity.Protocol.SASL_SSL,
              KafkaSecurity.SaslMechanism.SCRAM_SHA_256,
              "recon",
              "a-long-enough-password",
              Path.of("/etc/recon/ca.pem"),
              null,
              null,
              null));

  private static void assertSecured(Properties p) {
    assertThat(p)
        .containsEntry("bootstrap.servers", "b1:9096")
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-256")
        .containsEntry("ssl.truststore.type", "PEM")
        .containsEntry("ssl.truststore.location", "/etc/recon/ca.pem")
        .containsKey("sasl.jaas.config");
  }

  @Test
  void topicReaderConsumer() {
    Properties p = new TopicReader(SECURED, Topics.MAX_MESSAGE_BYTES).consumerProperties();

    assertSecured(p);
    assertThat(p).containsEntry("isolation.level", "read_committed");
  }

  @Test
  void flinkSourcesAndSink() throws Exception {
    KafkaEndpoints endpoints = new KafkaEndpoints(SECURED, Topics.MAX_MESSAGE_BYTES);

    assertSecured(propertiesOf(endpoints.boundedSource("events", PaymentEvent.class, "g")));
    assertSecured(propertiesOf(endpoints.continuousSource("events", PaymentEvent.class, "g")));
    Properties sink =
        propertiesOf(
            endpoints.exactlyOnceSink(
                "events", PaymentEvent.class, e -> new byte[0], "recon-test"));
    assertSecured(sink);
    assertThat(sink).containsEntry("enable.idempotence", "true");
  }

  /** The connector keeps its client properties in a private field; read it for the test. */
  private static Properties propertiesOf(Object connector) throws IllegalAccessException {
    for (Field f : connector.getClass().getDeclaredFields()) {
      if (Properties.class.isAssignableFrom(f.getType())) {
        f.setAccessible(true);
        return (Properties) f.get(connector);
      }
    }
    throw new AssertionError("no Properties field in " + connector.getClass());
  }
}
