package dev.recon.normalization.expected;

import dev.recon.normalization.format.WallClockText;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * ISO-8601 date or timestamp as the expected-payments contract allows it: a date means the start of
 * that day in UTC, a timestamp with an offset or Z is that instant, a timestamp without one is UTC.
 */
final class IsoTimestamp {
  private static final int MAX_CHARS = 40;

  private IsoTimestamp() {}

  static Optional<Instant> parse(String text) {
    if (text == null || text.length() > MAX_CHARS) {
      return Optional.empty();
    }
    String s = text.strip();
    try {
      if (s.length() == 10) {
        LocalDate fast = WallClockText.isoDate(s);
        if (fast != null) {
          return Optional.of(fast.atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        return Optional.of(LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant());
      }
      if (s.endsWith("Z") || s.lastIndexOf('+') > 10 || s.lastIndexOf('-') > 10) {
        return Optional.of(OffsetDateTime.parse(s).toInstant());
      }
      return Optional.of(LocalDateTime.parse(s).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
