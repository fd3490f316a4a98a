package dev.recon.ingestion.webhook.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recon.ingestion.file.RawFile;
import dev.recon.ingestion.store.PublishedObjects;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventKeysTest {

  static JsonNode json(String text) {
    return WebhookJson.read(text.getBytes(StandardCharsets.UTF_8)).orElseThrow();
  }

  static String adyen(String... items) {
    StringBuilder out = new StringBuilder("{\"live\":\"false\",\"notificationItems\":[");
    for (int i = 0; i < items.length; i++) {
      out.append(i == 0 ? "" : ",").append("{\"NotificationRequestItem\":").append(items[i]);
      out.append('}');
    }
    return out.append("]}").toString();
  }

  static String item(String psp, String eventCode, String success) {
    return "{\"pspReference\":\""
        + psp
        + "\",\"eventCode\":\""
        + eventCode
        + "\",\"success\":\""
        + success
        + "\"}";
  }

  @Test
  void stripeIsKeyedByItsEventId() {
    EventKey key = EventKeys.stripe(json("{\"id\":\"evt_1Abc\",\"type\":\"x\"}")).orElseThrow();
    assertThat(key.dedupeKey()).isEqualTo("evt_1Abc");
    assertThat(key.fileName()).isEqualTo("webhook-evt_1Abc.json");
  }

  @Test
  void aStripeEventWithoutAUsableIdHasNoKey() {
    assertThat(EventKeys.stripe(json("{\"type\":\"x\"}"))).isEmpty();
    assertThat(EventKeys.stripe(json("{\"id\":42}"))).isEmpty();
    assertThat(EventKeys.stripe(json("{\"id\":\"../../etc/passwd\"}"))).isEmpty();
    assertThat(EventKeys.stripe(json("{\"id\":\"" + "e".repeat(201) + "\"}"))).isEmpty();
  }

  @Test
  void adyenIsKeyedByPspReferenceEventCodeAndSuccess() {
    EventKey key =
        EventKeys.adyen(json(adyen(item("7914073381342284", "AUTHORISATION", "true"))))
            .orElseThrow();
    assertThat(key.dedupeKey()).isEqualTo("7914073381342284:AUTHORISATION:true");
    assertThat(key.fileName()).isEqualTo("webhook-7914073381342284-AUTHORISATION-true.json");
    assertThat(
            EventKeys.adyen(json(adyen(item("7914073381342284", "AUTHORISATION", "false"))))
                .orElseThrow())
        .isNotEqualTo(key);
  }

  @Test
  void anAdyenBatchIsKeyedByTheHashOfItsItems() {
    String a = item("A1", "CAPTURE", "true");
    String b = item("B2", "REFUND", "true");
    EventKey ab = EventKeys.adyen(json(adyen(a, b))).orElseThrow();
    assertThat(ab.dedupeKey()).startsWith("batch-").hasSize("batch-".length() + 64);
    assertThat(EventKeys.adyen(json(adyen(a, b)))).contains(ab);
    assertThat(EventKeys.adyen(json(adyen(b, a))).orElseThrow()).isNotEqualTo(ab);
  }

  @Test
  void anAdyenItemWithoutUsableKeyPartsHasNoKey() {
    assertThat(EventKeys.adyen(json(adyen(item("A1", "CAPTURE", "maybe"))))).isEmpty();
    assertThat(EventKeys.adyen(json(adyen(item("A 1", "CAPTURE", "true"))))).isEmpty();
    assertThat(EventKeys.adyen(json(adyen(item("", "CAPTURE", "true"))))).isEmpty();
    assertThat(EventKeys.adyen(json("{\"notificationItems\":[]}"))).isEmpty();
  }

  @Test
  void genericCallbacksUseTheEventIdHeaderElseTheContentHash() {
    byte[] body = "{\"status\":\"SUCCESSFUL\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(EventKeys.headerOrContent(" cb-123 ", body).orElseThrow().dedupeKey())
        .isEqualTo("cb-123");
    assertThat(EventKeys.headerOrContent(null, body).orElseThrow().dedupeKey())
        .isEqualTo("sha256-" + RawFile.sha256Hex(body));
    assertThat(EventKeys.headerOrContent("a/b", body)).isEmpty();
    assertThat(EventKeys.headerOrContent("", body)).isEmpty();
  }

  @Test
  void keysAreSafeAndFitTheDedupeStore() {
    assertThat(EventKey.MAX_KEY_CHARS).isLessThanOrEqualTo(PublishedObjects.MAX_KEY_CHARS);
    assertThat(new EventKey("e".repeat(EventKey.MAX_KEY_CHARS)).dedupeKey()).hasSize(200);
    assertThatThrownBy(() -> new EventKey("e".repeat(EventKey.MAX_KEY_CHARS + 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EventKey(".hidden")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EventKey("a\nb")).isInstanceOf(IllegalArgumentException.class);
  }
}
