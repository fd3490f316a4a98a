package dev.recon.ingestion.webhook.limit;

import java.time.Clock;
import java.util.Objects;

/**
 * A token bucket: holds up to {@code capacity} tokens, refills {@code perSecond} tokens a second,
 * and each admitted request takes one. Counted in thousandths of a token so that refills between
 * millisecond ticks are not lost. The clock is injected, so tests step time instead of sleeping.
 */
public final class TokenBucket {

  private static final long MILLI = 1000;

  private final long capacityMilli;
  private final long perSecond;
  private final Clock clock;
  private long availableMilli;
  private long lastRefillMillis;

  public TokenBucket(int capacity, int perSecond, Clock clock) {
    if (capacity < 1 || perSecond < 1) {
      throw new IllegalArgumentException("capacity and rate must be positive");
    }
    this.capacityMilli = capacity * MILLI;
    this.perSecond = perSecond;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.availableMilli = capacityMilli;
    this.lastRefillMillis = clock.millis();
  }

  /** Takes a token if one is there; never waits. */
  public synchronized boolean tryTake() {
    long now = clock.millis();
    long elapsed = now - lastRefillMillis;
    if (elapsed > 0) {
      // elapsed ms * perSecond tokens/s = elapsed * perSecond milli-tokens; capped to avoid
      // overflow
      long refill =
          elapsed >= capacityMilli ? capacityMilli : Math.min(capacityMilli, elapsed * perSecond);
      availableMilli = Math.min(capacityMilli, availableMilli + refill);
      lastRefillMillis = now;
    }
    // A clock stepping back refills nothing until it passes the last refill again.
    if (availableMilli >= MILLI) {
      availableMilli -= MILLI;
      return true;
    }
    return false;
  }
}
