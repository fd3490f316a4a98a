package dev.recon.ingestion.webhook.signature;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Adyen standard notifications carry an HMAC per item in {@code additionalData.hmacSignature}:
 * base64 of HMAC-SHA256, keyed with the hex-decoded HMAC key, over {@code
 * pspReference:originalReference:merchantAccountCode:merchantReference:value:currency:eventCode:success}
 * with absent fields as empty strings. The values are joined as they are, without escaping: Adyen's
 * {@code \\} and {@code \:} escaping belongs to its key-value (HPP) signatures, and Adyen's own
 * libraries sign a merchant reference {@code auth:123} unescaped (pinned by a test vector). Every
 * item of a batch must verify, or the whole batch is refused.
 */
public final class AdyenSignature {

  public static final int MAX_SIGNATURE_CHARS = 128;

  private AdyenSignature() {}

  public static SignatureVerdict verify(JsonNode notification, List<byte[]> keys) {
    var items = AdyenNotificationItems.of(notification);
    if (items.isEmpty()) {
      return SignatureVerdict.refused(
          SignatureVerdict.Kind.MALFORMED,
          "not an Adyen notification with 1.." + AdyenNotificationItems.MAX_ITEMS + " items");
    }
    int position = 0;
    for (JsonNode item : items.get()) {
      position++;
      String presented = AdyenNotificationItems.text(item.get("additionalData"), "hmacSignature");
      if (presented.isEmpty()) {
        return SignatureVerdict.refused(
            SignatureVerdict.Kind.MISSING, "item " + position + " has no hmacSignature");
      }
      byte[] tag;
      try {
        tag =
            presented.length() > MAX_SIGNATURE_CHARS
                ? null
                : Base64.getDecoder().decode(presented.strip());
      } catch (IllegalArgumentException e) {
        tag = null;
      }
      if (tag == null || tag.length != HmacSha256.TAG_BYTES) {
        return SignatureVerdict.refused(
            SignatureVerdict.Kind.MALFORMED,
            "item " + position + " hmacSignature is not a base64 SHA-256 tag");
      }
      byte[] signed = signingString(item).getBytes(StandardCharsets.UTF_8);
      if (!HmacSha256.anyMatches(keys, List.of(tag), signed)) {
        return SignatureVerdict.refused(
            SignatureVerdict.Kind.MISMATCH,
            "item " + position + " hmacSignature matches no configured key");
      }
    }
    return SignatureVerdict.VALID;
  }

  /**
   * The HMAC key as Adyen shows it (hex) in raw bytes.
   *
   * @throws IllegalArgumentException when it is not an even number of hex digits (the message does
   *     not repeat the key)
   */
  public static byte[] keyFromHex(String hex) {
    String trimmed = hex.strip();
    if (trimmed.isEmpty()
        || trimmed.length() % 2 != 0
        || !trimmed.chars().allMatch(AdyenSignature::isHex)) {
      throw new IllegalArgumentException("the Adyen HMAC key must be hex digits");
    }
    return HexFormat.of().parseHex(trimmed);
  }

  private static boolean isHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** The text Adyen signs for one NotificationRequestItem. */
  public static String signingString(JsonNode item) {
    JsonNode amount = item.get("amount");
    return String.join(
        ":",
        AdyenNotificationItems.text(item, "pspReference"),
        AdyenNotificationItems.text(item, "originalReference"),
        AdyenNotificationItems.text(item, "merchantAccountCode"),
        AdyenNotificationItems.text(item, "merchantReference"),
        AdyenNotificationItems.text(amount, "value"),
        AdyenNotificationItems.text(amount, "currency"),
        AdyenNotificationItems.text(item, "eventCode"),
        AdyenNotificationItems.text(item, "success"));
  }
}
