package dev.recon.ingestion.webhook.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.ingestion.webhook.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));

  static int taken(TokenBucket bucket, int attempts) {
    int taken = 0;
    for (int i = 0; i < attempts; i++) {
      taken += bucket.tryTake() ? 1 : 0;
    }
    return taken;
  }

  @Test
  void aFullBucketAdmitsItsCapacityThenRefuses() {
    TokenBucket bucket = new TokenBucket(3, 3, clock);
    assertThat(taken(bucket, 10)).isEqualTo(3);
  }

  @Test
  void itRefillsAtTheRateUpToTheCapacity() {
    TokenBucket bucket = new TokenBucket(4, 2, clock);
    assertThat(taken(bucket, 10)).isEqualTo(4);
    clock.advance(Duration.ofMillis(500));
    assertThat(taken(bucket, 10)).isEqualTo(1);
    clock.advance(Duration.ofMillis(250));
    assertThat(taken(bucket, 10)).isZero();
    clock.advance(Duration.ofMillis(250));
    assertThat(taken(bucket, 10)).isEqualTo(1);
    clock.advance(Duration.ofDays(365));
    assertThat(taken(bucket, 10)).isEqualTo(4);
  }

  @Test
  void aClockSteppingBackRefillsNothing() {
    TokenBucket bucket = new TokenBucket(1, 1, clock);
    assertThat(bucket.tryTake()).isTrue();
    clock.advance(Duration.ofSeconds(-10));
    assertThat(bucket.tryTake()).isFalse();
    clock.advance(Duration.ofSeconds(10));
    assertThat(bucket.tryTake()).isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(bucket.tryTake()).isTrue();
  }

  @Test
  void tenantsHaveTheirOwnBucketsAndNoOthersAreMade() {
    TenantBuckets buckets = new TenantBuckets(Map.of("a", 1, "b", 2), clock);
    assertThat(buckets.tryTake("a")).isTrue();
    assertThat(buckets.tryTake("a")).isFalse();
    assertThat(buckets.tryTake("b")).isTrue();
    assertThat(buckets.tryTake("b")).isTrue();
    assertThat(buckets.tryTake("b")).isFalse();
    assertThatThrownBy(() -> buckets.tryTake("made-up"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void capacityAndRateMustBePositive() {
    assertThatThrownBy(() -> new TokenBucket(0, 1, clock))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TokenBucket(1, 0, clock))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
