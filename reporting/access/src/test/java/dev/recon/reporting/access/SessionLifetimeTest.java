package dev.recon.reporting.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionLifetimeTest {

  private static final Instant T0 = Instant.parse("2026-01-01T08:00:00Z");

  @Test
  void idleTimeout() {
    Instant seen = T0.plus(Duration.ofHours(1));
    assertThat(SessionLifetime.isLive(T0, seen, true, null, seen.plus(Duration.ofMinutes(29))))
        .isTrue();
    assertThat(
            SessionLifetime.isLive(T0, seen, true, null, seen.plus(SessionLifetime.IDLE_TIMEOUT)))
        .isFalse();
  }

  @Test
  void absoluteTimeoutEvenWhenActive() {
    Instant end = T0.plus(SessionLifetime.ABSOLUTE_TIMEOUT);
    Instant seen = end.minus(Duration.ofMinutes(1));
    assertThat(SessionLifetime.isLive(T0, seen, true, null, end.minusSeconds(1))).isTrue();
    assertThat(SessionLifetime.isLive(T0, seen, true, null, end)).isFalse();
  }

  @Test
  void revokedAndPendingSessions() {
    assertThat(SessionLifetime.isLive(T0, T0, true, T0.plusSeconds(5), T0.plusSeconds(5)))
        .isFalse();
    assertThat(SessionLifetime.isLive(T0, T0, false, null, T0.plus(Duration.ofMinutes(4))))
        .isTrue();
    assertThat(
            SessionLifetime.isLive(T0, T0, false, null, T0.plus(SessionLifetime.MFA_STEP_TIMEOUT)))
        .isFalse();
  }
}
