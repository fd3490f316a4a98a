package dev.recon.app.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.app.platform.KafkaConnection;
import dev.recon.app.platform.KafkaSecurity;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ReadinessKafkaSecurityTest {
  @Test
  void theKafkaProbeConnectsAsTheOtherClientsDo() {
    KafkaConnection secured =
        new KafkaConnection(
            "b1:9094",
            new KafkaSecurity(
                KafkaSecurity.Protocol.SSL, null, null, null, null, null, null, null));

    Properties p = ReadinessChecks.kafkaCheckProperties(secured);

    assertThat(p)
        .containsEntry("bootstrap.servers", "b1:9094")
        .containsEntry("security.protocol", "SSL")
        .containsEntry("request.timeout.ms", (int) ReadinessChecks.CHECK_TIMEOUT.toMillis());
  }
}
