package dev.recon.ingestion.webhook.limit;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One token bucket per configured tenant (plus any fixed extra keys), created up front: the map
 * cannot grow with names an attacker makes up.
 */
public final class TenantBuckets {

  private final Map<String, TokenBucket> buckets;

  public TenantBuckets(Map<String, Integer> perSecondByKey, Clock clock) {
    Objects.requireNonNull(clock, "clock");
    this.buckets =
        perSecondByKey.entrySet().stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    Map.Entry::getKey, e -> new TokenBucket(e.getValue(), e.getValue(), clock)));
  }

  /**
   * @throws IllegalArgumentException for a key that was not configured (a bug in the caller)
   */
  public boolean tryTake(String key) {
    TokenBucket bucket = buckets.get(key);
    if (bucket == null) {
      throw new IllegalArgumentException("no rate limit configured for " + key);
    }
    return bucket.tryTake();
  }
}
