package dev.recon.matching.tolerant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeWindowTest {

  private static final Instant EXPECTED = Instant.parse("2025-09-10T12:00:00Z");

  @Test
  void after_expected_allows_lags_up_to_the_limit_inclusive() {
    TimeWindow after = new TimeWindow(2, LagDirection.PSP_AFTER_EXPECTED);
    assertThat(after.allows(EXPECTED, EXPECTED)).isTrue();
    assertThat(after.allows(EXPECTED, Instant.parse("2025-09-12T12:00:00Z"))).isTrue();
    assertThat(after.allows(EXPECTED, Instant.parse("2025-09-12T12:00:00.001Z"))).isFalse();
    assertThat(after.allows(EXPECTED, Instant.parse("2025-09-10T11:59:59Z"))).isFalse();
  }

  @Test
  void before_expected_is_the_mirror_image() {
    TimeWindow before = new TimeWindow(2, LagDirection.PSP_BEFORE_EXPECTED);
    assertThat(before.allows(EXPECTED, Instant.parse("2025-09-08T12:00:00Z"))).isTrue();
    assertThat(before.allows(EXPECTED, Instant.parse("2025-09-08T11:59:59Z"))).isFalse();
    assertThat(before.allows(EXPECTED, Instant.parse("2025-09-10T12:00:01Z"))).isFalse();
  }

  @Test
  void either_allows_both_sides() {
    TimeWindow either = new TimeWindow(1, LagDirection.EITHER);
    assertThat(either.allows(EXPECTED, Instant.parse("2025-09-09T12:00:00Z"))).isTrue();
    assertThat(either.allows(EXPECTED, Instant.parse("2025-09-11T12:00:00Z"))).isTrue();
    assertThat(either.allows(EXPECTED, Instant.parse("2025-09-11T12:00:01Z"))).isFalse();
  }

  @Test
  void lag_is_bounded() {
    assertThatThrownBy(() -> new TimeWindow(TimeWindow.MAX_LAG_DAYS + 1, LagDirection.EITHER))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TimeWindow(-1, LagDirection.EITHER))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
