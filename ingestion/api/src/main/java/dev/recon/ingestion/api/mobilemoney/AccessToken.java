package dev.recon.ingestion.api.mobilemoney;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recon.ingestion.secret.Secret;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A bearer token and when it stops being valid. */
public record AccessToken(Secret value, Instant expiresAt) {

  /** A token lifetime claimed beyond this is not believed. */
  public static final Duration MAX_LIFETIME = Duration.ofHours(24);

  public static final int MAX_TOKEN_CHARS = 8192;

  public AccessToken {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /**
   * Reads {@code access_token} and {@code expires_in} (seconds, a number or a numeric string, as
   * MTN and Airtel differ) from a token response received at {@code now}.
   */
  public static Optional<AccessToken> read(byte[] body, Instant now) {
    JsonNode root;
    try {
      root = StatusFields.MAPPER.readTree(body);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (root == null || !root.isObject()) {
      return Optional.empty();
    }
    JsonNode token = root.get("access_token");
    if (token == null
        || !token.isTextual()
        || token.asText().isBlank()
        || token.asText().length() > MAX_TOKEN_CHARS) {
      return Optional.empty();
    }
    JsonNode expires = root.get("expires_in");
    long seconds;
    if (expires != null && expires.canConvertToLong() && expires.isIntegralNumber()) {
      seconds = expires.asLong();
    } else if (expires != null && expires.isTextual() && expires.asText().matches("[0-9]{1,9}")) {
      seconds = Long.parseLong(expires.asText());
    } else {
      return Optional.empty();
    }
    if (seconds <= 0) {
      return Optional.empty();
    }
    Duration lifetime = Duration.ofSeconds(Math.min(seconds, MAX_LIFETIME.toSeconds()));
    return Optional.of(new AccessToken(new Secret(token.asText()), now.plus(lifetime)));
  }
}
