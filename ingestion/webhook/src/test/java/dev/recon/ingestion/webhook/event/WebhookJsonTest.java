package dev.recon.ingestion.webhook.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookJsonTest {

  static boolean readable(String text) {
    return WebhookJson.read(text.getBytes(StandardCharsets.UTF_8)).isPresent();
  }

  @Test
  void readsOneObject() {
    assertThat(readable("{\"id\":\"evt_1\",\"data\":{\"object\":{}}}")).isTrue();
  }

  @Test
  void refusesADuplicateMemberThatTwoReadersCouldSeeDifferently() {
    assertThat(readable("{\"id\":\"evt_1\",\"id\":\"evt_2\"}")).isFalse();
  }

  @Test
  void refusesAnythingButOneObject() {
    assertThat(readable("[{\"id\":\"evt_1\"}]")).isFalse();
    assertThat(readable("{\"id\":\"evt_1\"} {\"id\":\"evt_2\"}")).isFalse();
    assertThat(readable("not json")).isFalse();
    assertThat(readable("")).isFalse();
  }

  @Test
  void nestingIsLimited() {
    int depth = WebhookJson.MAX_NESTING_DEPTH;
    String within = "{\"a\":".repeat(depth - 1) + "1" + "}".repeat(depth - 1);
    String over = "{\"a\":".repeat(depth + 1) + "1" + "}".repeat(depth + 1);
    assertThat(readable(within)).isTrue();
    assertThat(readable(over)).isFalse();
  }
}
