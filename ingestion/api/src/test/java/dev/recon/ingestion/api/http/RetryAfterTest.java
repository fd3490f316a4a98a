package dev.recon.ingestion.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  @Test
  void readsDelaySeconds() {
    assertThat(RetryAfter.parse("1", NOW)).contains(Duration.ofSeconds(1));
    assertThat(RetryAfter.parse(" 120 ", NOW)).contains(Duration.ofMinutes(2));
  }

  @Test
  void readsAnHttpDateAsTheTimeLeftUntilIt() {
    assertThat(RetryAfter.parse("Wed, 25 Nov 2026 12:00:30 GMT", NOW))
        .contains(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse("Wed, 25 Nov 2026 11:00:00 GMT", NOW)).contains(Duration.ZERO);
  }

  @Test
  void ignoresWhatItCannotRead() {
    assertThat(RetryAfter.parse(null, NOW)).isEmpty();
    assertThat(RetryAfter.parse("", NOW)).isEmpty();
    assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
    assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
    assertThat(RetryAfter.parse("9".repeat(100), NOW)).isEmpty();
  }

  @Test
  void waitsLongerThanTheLimitAreNotSleptThroughInsideAPoll() {
    assertThat(RetryAfter.MAX_WAIT).isEqualTo(Duration.ofSeconds(60));
    assertThat(RetryAfter.isWorthWaiting(RetryAfter.MAX_WAIT)).isTrue();
    assertThat(RetryAfter.isWorthWaiting(RetryAfter.MAX_WAIT.plusSeconds(1))).isFalse();
  }
}
