package dev.recon.ingestion.webhook.event;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recon.ingestion.file.RawFile;
import dev.recon.ingestion.webhook.signature.AdyenNotificationItems;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the event id of a delivery, per PSP. The only business content a connector reads; empty
 * when a signed body lacks it (refused as malformed rather than published under a guessed key).
 */
public final class EventKeys {

  public static final String EVENT_ID_HEADER = "X-Event-Id";

  private static final Pattern ADYEN_PART = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private EventKeys() {}

  /** Stripe: the event object's {@code id} ({@code evt_...}). */
  public static Optional<EventKey> stripe(JsonNode event) {
    JsonNode id = event.get("id");
    if (id == null || !id.isTextual() || !EventKey.isSafe(id.asText())) {
      return Optional.empty();
    }
    return Optional.of(new EventKey(id.asText()));
  }

  /**
   * Adyen: {@code pspReference:eventCode:success} of the item; a batch of several items is keyed by
   * the hash of its items' keys, so a redelivered batch is still recognised.
   */
  public static Optional<EventKey> adyen(JsonNode notification) {
    var items = AdyenNotificationItems.of(notification);
    if (items.isEmpty()) {
      return Optional.empty();
    }
    List<String> keys = new ArrayList<>();
    for (JsonNode item : items.get()) {
      String psp = scalar(item, "pspReference");
      String eventCode = scalar(item, "eventCode");
      String success = scalar(item, "success");
      if (!ADYEN_PART.matcher(psp).matches()
          || !ADYEN_PART.matcher(eventCode).matches()
          || !(success.equals("true") || success.equals("false"))) {
        return Optional.empty();
      }
      keys.add(psp + ":" + eventCode + ":" + success);
    }
    if (keys.size() == 1) {
      return Optional.of(new EventKey(keys.get(0)));
    }
    String joined = String.join("\n", keys);
    return Optional.of(
        new EventKey("batch-" + RawFile.sha256Hex(joined.getBytes(StandardCharsets.UTF_8))));
  }

  /**
   * Generic and mobile-money callbacks: the sender's {@code X-Event-Id} when it sends one, else the
   * body's SHA-256 (an identical redelivery is then the same event).
   */
  public static Optional<EventKey> headerOrContent(String eventIdHeader, byte[] body) {
    if (eventIdHeader == null) {
      return Optional.of(new EventKey("sha256-" + RawFile.sha256Hex(body)));
    }
    String id = eventIdHeader.strip();
    return EventKey.isSafe(id) ? Optional.of(new EventKey(id)) : Optional.empty();
  }

  private static String scalar(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value != null && value.isValueNode() && !value.isNull() ? value.asText() : "";
  }
}
