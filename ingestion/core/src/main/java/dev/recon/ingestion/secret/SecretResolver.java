package dev.recon.ingestion.secret;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves references through the configured sources, caching each value for {@link #ttl()} so that
 * a rotated secret is picked up within that time without a restart, while hot paths (every webhook)
 * do not read files or call AWS per request.
 */
public final class SecretResolver {

  public static final Duration DEFAULT_TTL = Duration.ofSeconds(60);

  private record Cached(Secret secret, Instant readAt) {}

  private final Map<SecretReference.Scheme, SecretSource> sources =
      new EnumMap<>(SecretReference.Scheme.class);
  private final Map<SecretReference, Cached> cache = new ConcurrentHashMap<>();
  private final Duration ttl;
  private final Clock clock;

  public SecretResolver(List<SecretSource> sources, Duration ttl, Clock clock) {
    for (SecretSource source : sources) {
      if (this.sources.put(source.scheme(), source) != null) {
        throw new IllegalArgumentException("two secret sources for " + source.scheme());
      }
    }
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Duration ttl() {
    return ttl;
  }

  public Secret resolve(SecretReference reference) {
    Instant now = clock.instant();
    Cached cached = cache.get(reference);
    if (cached != null && cached.readAt().plus(ttl).isAfter(now)) {
      return cached.secret();
    }
    SecretSource source = sources.get(reference.scheme());
    if (source == null) {
      throw new SecretUnavailableException(
          "no secret source configured for " + reference.scheme().prefix() + ": references");
    }
    Secret secret = source.read(reference);
    cache.put(reference, new Cached(secret, now));
    return secret;
  }

  public Secret resolve(String reference) {
    return resolve(SecretReference.parse(reference));
  }
}
