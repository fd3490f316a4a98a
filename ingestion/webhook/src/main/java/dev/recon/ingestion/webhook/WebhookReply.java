package dev.recon.ingestion.webhook;

import java.util.Map;
import java.util.Objects;

/** What the receiver answers: status, a short text body and any extra headers. */
public record WebhookReply(
    WebhookOutcome outcome, String contentType, String body, Map<String, String> headers) {

  public WebhookReply {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(body, "body");
    headers = Map.copyOf(headers);
  }

  public int status() {
    return outcome.status();
  }
}
