package dev.recon.normalization.format;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Fast reading of the fixed-width dates and times nearly every report row carries ({@code
 * 2025-09-11}, {@code 2025-09-11 11:44} and {@code 2025-09-11 11:44:20}): a DateTimeFormatter costs
 * more than the rest of a short row. Returns null for anything else, including dates that do not
 * exist, so the caller's formatter decides those cases exactly as before.
 */
public final class WallClockText {
  private static final int DATE_CHARS = 10;
  private static final int MINUTE_CHARS = 16;
  private static final int SECOND_CHARS = 19;

  private WallClockText() {}

  /** {@code yyyy-MM-dd} as a valid date, or null. */
  public static LocalDate isoDate(String text) {
    if (text == null || text.length() != DATE_CHARS || !isDatePart(text)) {
      return null;
    }
    try {
      return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
    } catch (DateTimeException notADate) {
      return null;
    }
  }

  /** {@code yyyy-MM-dd HH:mm} or {@code yyyy-MM-dd HH:mm:ss} as a valid date and time, or null. */
  public static LocalDateTime isoDateSpaceTime(String text) {
    if (text == null) {
      return null;
    }
    int n = text.length();
    if ((n != MINUTE_CHARS && n != SECOND_CHARS)
        || !isDatePart(text)
        || text.charAt(10) != ' '
        || !isDigits(text, 11, 13)
        || text.charAt(13) != ':'
        || !isDigits(text, 14, 16)) {
      return null;
    }
    int second = 0;
    if (n == SECOND_CHARS) {
      if (text.charAt(16) != ':' || !isDigits(text, 17, 19)) {
        return null;
      }
      second = digits(text, 17, 19);
    }
    try {
      return LocalDateTime.of(
          digits(text, 0, 4),
          digits(text, 5, 7),
          digits(text, 8, 10),
          digits(text, 11, 13),
          digits(text, 14, 16),
          second);
    } catch (DateTimeException notADateTime) {
      return null;
    }
  }

  private static boolean isDatePart(String text) {
    return isDigits(text, 0, 4)
        && text.charAt(4) == '-'
        && isDigits(text, 5, 7)
        && text.charAt(7) == '-'
        && isDigits(text, 8, 10);
  }

  private static boolean isDigits(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static int digits(String text, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      v = v * 10 + (text.charAt(i) - '0');
    }
    return v;
  }
}
