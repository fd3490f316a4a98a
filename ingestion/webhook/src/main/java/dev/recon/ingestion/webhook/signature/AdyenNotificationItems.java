package dev.recon.ingestion.webhook.signature;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code NotificationRequestItem}s of an Adyen standard notification: {@code
 * {"live":..,"notificationItems":[{"NotificationRequestItem":{..}}, ..]}}.
 */
public final class AdyenNotificationItems {

  /** Adyen batches a handful of items; far more is not a notification from Adyen. */
  public static final int MAX_ITEMS = 100;

  private AdyenNotificationItems() {}

  /** The items, or empty when the document is not a notification or holds over MAX_ITEMS. */
  public static Optional<List<JsonNode>> of(JsonNode root) {
    JsonNode array = root == null ? null : root.get("notificationItems");
    if (array == null || !array.isArray() || array.isEmpty() || array.size() > MAX_ITEMS) {
      return Optional.empty();
    }
    List<JsonNode> items = new ArrayList<>(array.size());
    for (JsonNode wrapper : array) {
      JsonNode item = wrapper.get("NotificationRequestItem");
      if (item == null || !item.isObject()) {
        return Optional.empty();
      }
      items.add(item);
    }
    return Optional.of(items);
  }

  /** A scalar member as Adyen signs it: its text, or "" when absent or null. */
  static String text(JsonNode node, String name) {
    JsonNode value = node == null ? null : node.get(name);
    return value != null && value.isValueNode() && !value.isNull() ? value.asText() : "";
  }
}
