package dev.recon.app.reports;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How far one schedule got: every cron time up to {@code checkedThrough} is handled (delivered, or
 * given up after {@link ReportScheduler#MAX_ATTEMPTS}), and the next one has failed {@code
 * failedAttempts} times so far.
 *
 * @param lastPeriod the latest period handled ("2026-01-31", "2026-01"), null before the first: a
 *     second cron time for the same period (a cron firing twice a day, an hour repeated at a
 *     daylight-saving change) sends nothing again
 */
public record ScheduleProgress(Instant checkedThrough, int failedAttempts, String lastPeriod) {

  static final String CHECKED_THROUGH = "checkedThrough";
  static final String FAILED_ATTEMPTS = "failedAttempts";
  static final String LAST_PERIOD = "lastPeriod";

  /** Longer than any period name ("2026-01-31"): a stored value beyond it is not ours. */
  static final int MAX_PERIOD_CHARS = 32;

  public ScheduleProgress {
    Objects.requireNonNull(checkedThrough, "checkedThrough");
    if (failedAttempts < 0) {
      throw new IllegalArgumentException("failedAttempts must not be negative");
    }
    if (lastPeriod != null && (lastPeriod.isEmpty() || lastPeriod.length() > MAX_PERIOD_CHARS)) {
      throw new IllegalArgumentException("lastPeriod must be 1-" + MAX_PERIOD_CHARS + " chars");
    }
  }

  /** Progress with no period handled yet. */
  public ScheduleProgress(Instant checkedThrough, int failedAttempts) {
    this(checkedThrough, failedAttempts, null);
  }

  /**
   * Whether {@code period} was handled already. Period names of one schedule are all days or all
   * months in ISO form, so their text order is their time order.
   */
  public boolean covers(String period) {
    return lastPeriod != null && period.compareTo(lastPeriod) <= 0;
  }

  ScheduleProgress withFailedAttempts(int attempts) {
    return new ScheduleProgress(checkedThrough, attempts, lastPeriod);
  }

  /** As stored in the connectors' offset table: a string map. */
  public Map<String, String> toMap() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put(CHECKED_THROUGH, checkedThrough.toString());
    map.put(FAILED_ATTEMPTS, Integer.toString(failedAttempts));
    if (lastPeriod != null) {
      map.put(LAST_PERIOD, lastPeriod);
    }
    return Map.copyOf(map);
  }

  /**
   * @throws IllegalStateException for a map not written by {@link #toMap}
   */
  public static ScheduleProgress fromMap(Map<String, String> map) {
    try {
      return new ScheduleProgress(
          Instant.parse(map.get(CHECKED_THROUGH)),
          Integer.parseInt(map.getOrDefault(FAILED_ATTEMPTS, "0")),
          map.get(LAST_PERIOD));
    } catch (DateTimeParseException | IllegalArgumentException | NullPointerException e) {
      throw new IllegalStateException("stored schedule progress is not readable", e);
    }
  }
}
