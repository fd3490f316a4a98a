package dev.recon.ingestion.webhook;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.ingestion.publish.RawRecordPublisher;
import dev.recon.ingestion.secret.SecretResolver;
import dev.recon.ingestion.store.TenantTransactions;
import dev.recon.ingestion.webhook.config.PspWebhook;
import dev.recon.ingestion.webhook.config.SignatureScheme;
import dev.recon.ingestion.webhook.config.TenantWebhooks;
import dev.recon.ingestion.webhook.config.WebhookSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class WebhookServerTest {

  @Test
  void anInvalidConfigurationIsRefusedWithEveryProblemBeforeListening() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    WebhookCollaborators collaborators =
        WebhookCollaborators.of(
            new RawRecordPublisher(
                new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer()),
                "recon.raw"),
            new TenantTransactions(new PGSimpleDataSource()),
            new SecretResolver(List.of(), Duration.ofSeconds(60), clock),
            clock);
    WebhookSettings settings =
        new WebhookSettings(
            "127.0.0.1",
            0,
            List.of(
                TenantWebhooks.withDefaults(
                    "acme", PspWebhook.of("stripe", SignatureScheme.STRIPE)),
                TenantWebhooks.withDefaults(
                    "b", PspWebhook.of("adyen", SignatureScheme.ADYEN, "literal-secret"))));
    assertThatThrownBy(() -> WebhookServer.start(settings, collaborators))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("webhooks.tenants[acme].psps[stripe]: STRIPE webhooks need a secret")
        .hasMessageContaining("webhooks.tenants[b].psps[adyen].secretReferences[0]")
        .hasMessageNotContaining("literal-secret");
  }
}
