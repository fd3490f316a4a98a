package dev.recon.app.reports;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;

/**
 * How far one schedule got: every cron time up to {@code checkedThrough} is handled (delivered, or
 * given up after {@link ReportScheduler#MAX_ATTEMPTS}), and the next one has failed {@code
 * failedAttempts} times so far.
 */
public record ScheduleProgress(Instant checkedThrough, int failedAttempts) {

  static final String CHECKED_THROUGH = "checkedThrough";
  static final String FAILED_ATTEMPTS = "failedAttempts";

  public ScheduleProgress {
    Objects.requireNonNull(checkedThrough, "checkedThrough");
    if (failedAttempts < 0) {
      throw new IllegalArgumentException("failedAttempts must not be negative");
    }
  }

  /** As stored in the connectors' offset table: a string map. */
  public Map<String, String> toMap() {
    return Map.of(
        CHECKED_THROUGH,
        checkedThrough.toString(),
        FAILED_ATTEMPTS,
        Integer.toString(failedAttempts));
  }

  /**
   * @throws IllegalStateException for a map not written by {@link #toMap}
   */
  public static ScheduleProgress fromMap(Map<String, String> map) {
    try {
      return new ScheduleProgress(
          Instant.parse(map.get(CHECKED_THROUGH)),
          Integer.parseInt(map.getOrDefault(FAILED_ATTEMPTS, "0")));
    } catch (DateTimeParseException | NumberFormatException | NullPointerException e) {
      throw new IllegalStateException("stored schedule progress is not readable", e);
    }
  }
}
