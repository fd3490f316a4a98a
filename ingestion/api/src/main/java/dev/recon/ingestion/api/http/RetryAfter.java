package dev.recon.ingestion.api.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads a {@code Retry-After} header: delay seconds or an HTTP date (RFC 9110 section 10.2.3). */
public final class RetryAfter {

  /** Longer waits are not slept through inside a poll: the poll ends and the next one retries. */
  public static final Duration MAX_WAIT = Duration.ofSeconds(60);

  private static final int MAX_HEADER_CHARS = 64;

  private RetryAfter() {}

  /** The wait the server asked for, never negative; empty when absent or unreadable. */
  public static Optional<Duration> parse(String header, Instant now) {
    if (header == null || header.isBlank() || header.length() > MAX_HEADER_CHARS) {
      return Optional.empty();
    }
    String value = header.strip();
    if (value.matches("[0-9]{1,9}")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Whether waiting this long inside one poll is reasonable. */
  public static boolean isWorthWaiting(Duration wait) {
    return wait.compareTo(MAX_WAIT) <= 0;
  }
}
