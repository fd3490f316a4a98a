package dev.recon.reporting.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One token bucket per key (a user name or a client address): a burst of {@code capacity}, then one
 * token per {@code refillEvery}. Memory is bounded: beyond {@link #MAX_KEYS} the least recently
 * used key is forgotten. Thread-safe.
 */
public final class TokenBuckets {

  public static final int MAX_KEYS = 100_000;

  private final int capacity;
  private final Duration refillEvery;
  private final Clock clock;
  private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true);

  private static final class Bucket {
    double tokens;
    Instant updated;

    Bucket(double tokens, Instant updated) {
      this.tokens = tokens;
      this.updated = updated;
    }
  }

  public TokenBuckets(int capacity, Duration refillEvery, Clock clock) {
    if (capacity < 1 || refillEvery.isNegative() || refillEvery.isZero()) {
      throw new IllegalArgumentException("capacity >= 1 and a positive refill interval");
    }
    this.capacity = capacity;
    this.refillEvery = refillEvery;
    this.clock = clock;
  }

  /** Takes a token for the key if one is left; false means the caller must refuse. */
  public synchronized boolean tryTake(String key) {
    Bucket bucket = refilled(key);
    if (bucket.tokens < 1) {
      return false;
    }
    bucket.tokens -= 1;
    return true;
  }

  /** True if a token is left, without taking it. */
  public synchronized boolean hasToken(String key) {
    return refilled(key).tokens >= 1;
  }

  private Bucket refilled(String key) {
    Instant now = clock.instant();
    Bucket bucket = buckets.get(key);
    if (bucket == null) {
      bucket = new Bucket(capacity, now);
      buckets.put(key, bucket);
      if (buckets.size() > MAX_KEYS) {
        var eldest = buckets.keySet().iterator();
        eldest.next();
        eldest.remove();
      }
      return bucket;
    }
    long elapsedNanos = Math.max(0, Duration.between(bucket.updated, now).toNanos());
    bucket.tokens =
        Math.min(capacity, bucket.tokens + (double) elapsedNanos / refillEvery.toNanos());
    bucket.updated = now;
    return bucket;
  }
}
