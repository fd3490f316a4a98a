package dev.recon.ingestion.api.mobilemoney;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps the current access token until shortly before it expires, so status checks do not ask for a
 * new token each time, and a token is never used in its last seconds.
 */
final class AccessTokenCache {

  /** A token is replaced this long before its stated expiry. */
  static final Duration REFRESH_MARGIN = Duration.ofSeconds(30);

  private AccessToken current;

  synchronized Optional<AccessToken> valid(Instant now) {
    if (current != null && now.isBefore(current.expiresAt().minus(REFRESH_MARGIN))) {
      return Optional.of(current);
    }
    return Optional.empty();
  }

  synchronized void store(AccessToken token) {
    current = token;
  }

  /** After the provider refused the token (401): the next check fetches a new one. */
  synchronized void invalidate() {
    current = null;
  }
}
