package dev.recon.ingestion.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.ingestion.schedule.TaskOutcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PollSummaryTest {

  @Test
  void aFailedPollIsAFailedTaskAndAPartialOneSucceeded() {
    PollSummary failed =
        new PollSummary("acme", "api:stripe", PollSummary.Status.FAILED, 1, 0, "HTTP 503");
    PollSummary partial =
        new PollSummary("acme", "api:stripe", PollSummary.Status.PARTIAL, 5, 2, "limit");

    assertThat(failed.toTaskOutcome().status()).isEqualTo(TaskOutcome.Status.FAILED);
    assertThat(failed.toTaskOutcome().detail())
        .isEqualTo("api:stripe for acme: FAILED, 1 published, 0 duplicate(s); HTTP 503");
    assertThat(partial.toTaskOutcome().status()).isEqualTo(TaskOutcome.Status.SUCCEEDED);
  }

  @Test
  void configProblemsAreAllInTheMessage() {
    InvalidApiConfigException e =
        new InvalidApiConfigException("Stripe poller", List.of("a: bad", "b: worse"));

    assertThat(e.getMessage())
        .contains("2 configuration problem(s)")
        .contains("a: bad")
        .contains("b: worse");
    assertThat(e.problems()).containsExactly("a: bad", "b: worse");
  }

  @Test
  void storedOffsetFieldsAreCheckedOnRead() {
    Map<String, String> m = Map.of("n", "12", "big", "99999999999", "neg", "-1", "f", "yes");

    assertThat(OffsetFields.count(m, "n")).isEqualTo(12);
    assertThat(OffsetFields.number(m, "big")).isEqualTo(99_999_999_999L);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> OffsetFields.count(m, "big"))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> OffsetFields.number(m, "neg"))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> OffsetFields.flag(m, "f"))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> OffsetFields.text(m, "missing"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
