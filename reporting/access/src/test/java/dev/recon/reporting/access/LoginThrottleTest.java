package dev.recon.reporting.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final LoginThrottle throttle = new LoginThrottle(clock);

  @Test
  void perUserBurstThenOnePerRefill() {
    for (int i = 0; i < LoginThrottle.USER_BURST; i++) {
      assertThat(throttle.tryAttempt("alice", "10.0.0." + i)).isTrue();
    }
    assertThat(throttle.tryAttempt("Alice", "10.0.0.99")).isFalse();
    clock.advance(LoginThrottle.USER_REFILL);
    assertThat(throttle.tryAttempt("alice", "10.0.0.99")).isTrue();
    assertThat(throttle.tryAttempt("alice", "10.0.0.99")).isFalse();
    assertThat(throttle.tryAttempt("bob", "10.0.0.99")).isTrue();
  }

  @Test
  void perAddressAcrossManyUsers() {
    for (int i = 0; i < LoginThrottle.ADDRESS_BURST; i++) {
      assertThat(throttle.tryAttempt("user" + i, "192.0.2.1")).isTrue();
    }
    assertThat(throttle.tryAttempt("someone-else", "192.0.2.1")).isFalse();
    // a refused attempt took nothing from the user's bucket
    assertThat(throttle.tryAttempt("someone-else", "192.0.2.2")).isTrue();
    clock.advance(LoginThrottle.ADDRESS_REFILL);
    assertThat(throttle.tryAttempt("another", "192.0.2.1")).isTrue();
  }

  @Test
  void bucketsAreBounded() {
    TokenBuckets buckets = new TokenBuckets(1, java.time.Duration.ofHours(1), clock);
    assertThat(buckets.tryTake("first")).isTrue();
    for (int i = 0; i < TokenBuckets.MAX_KEYS; i++) {
      buckets.tryTake("k" + i);
    }
    // "first" was evicted as least recently used: it starts full again
    assertThat(buckets.tryTake("first")).isTrue();
  }
}
