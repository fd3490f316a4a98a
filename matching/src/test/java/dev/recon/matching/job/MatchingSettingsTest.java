package dev.recon.matching.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.matching.tolerant.ToleranceRuleSet;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MatchingSettingsTest {

  @Test
  void bounded_runs_use_no_watermarks_and_seven_day_windows() {
    MatchingSettings bounded = MatchingSettings.bounded();

    assertThat(bounded.eventTimeWatermarks()).isFalse();
    assertThat(bounded.exactWindow()).isEqualTo(Duration.ofDays(7));
    assertThat(bounded.settlementWindow()).isEqualTo(Duration.ofDays(7));
    assertThat(bounded.cashWindow()).isEqualTo(Duration.ofDays(7));
  }

  @Test
  void streaming_runs_use_watermarks_with_the_given_bounds() {
    MatchingSettings streaming =
        MatchingSettings.streaming(Duration.ofHours(1), Duration.ofMinutes(5))
            .withWindows(Duration.ofDays(3), Duration.ofDays(10), Duration.ofDays(5));

    assertThat(streaming.eventTimeWatermarks()).isTrue();
    assertThat(streaming.maxOutOfOrderness()).isEqualTo(Duration.ofHours(1));
    assertThat(streaming.sourceIdleness()).isEqualTo(Duration.ofMinutes(5));
    assertThat(streaming.exactWindow()).isEqualTo(Duration.ofDays(3));
    assertThat(streaming.settlementWindow()).isEqualTo(Duration.ofDays(10));
    assertThat(streaming.cashWindow()).isEqualTo(Duration.ofDays(5));
  }

  @Test
  void l2_uses_the_default_rules_and_window_unless_configured() {
    MatchingSettings bounded = MatchingSettings.bounded();

    assertThat(bounded.toleranceRules()).isEqualTo(ToleranceRuleSet.defaults());
    assertThat(bounded.tolerantWindow()).isEqualTo(Duration.ofDays(7));

    MatchingSettings configured =
        bounded.withToleranceRules(ToleranceRuleSet.none()).withTolerantWindow(Duration.ofDays(2));
    assertThat(configured.toleranceRules().rules()).isEmpty();
    assertThat(configured.tolerantWindow()).isEqualTo(Duration.ofDays(2));
    assertThat(configured.withWindows(Duration.ofDays(1), Duration.ofDays(1), Duration.ofDays(1)))
        .satisfies(
            s -> {
              assertThat(s.toleranceRules()).isEqualTo(ToleranceRuleSet.none());
              assertThat(s.tolerantWindow()).isEqualTo(Duration.ofDays(2));
            });
    assertThatThrownBy(() -> bounded.withTolerantWindow(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void windows_are_positive_and_at_most_the_limit() {
    MatchingSettings bounded = MatchingSettings.bounded();
    Duration max = MatchingSettings.MAX_WINDOW;

    assertThat(bounded.withWindows(max, max, max).exactWindow()).isEqualTo(max);
    assertThatThrownBy(() -> bounded.withWindows(Duration.ZERO, max, max))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> bounded.withWindows(max, max.plusMillis(1), max))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> bounded.withWindows(max, max, Duration.ofDays(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void streaming_needs_a_sane_out_of_orderness_and_a_positive_idleness() {
    assertThatThrownBy(
            () -> MatchingSettings.streaming(Duration.ofHours(-1), Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                MatchingSettings.streaming(
                    MatchingSettings.MAX_WINDOW.plusDays(1), Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MatchingSettings.streaming(Duration.ofHours(1), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
