package dev.recon.app.connectors;

import dev.recon.ingestion.webhook.config.WebhookSettings;
import java.util.List;
import java.util.Optional;

/** Every connector the configuration asks for: the webhook receiver (if any) and the polls. */
public record ConnectorPlan(Optional<WebhookSettings> webhooks, List<PlannedPoll> polls) {

  public ConnectorPlan {
    polls = List.copyOf(polls);
  }

  public static ConnectorPlan none() {
    return new ConnectorPlan(Optional.empty(), List.of());
  }

  public boolean isEmpty() {
    return webhooks.isEmpty() && polls.isEmpty();
  }
}
