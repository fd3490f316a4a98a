package dev.recon.app.schedule;

import dev.recon.ingestion.schedule.CronSchedule;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Reads the {@code zone} and {@code schedule} keys of the config file's scheduled sections
 * (connectors, reconciliations), reporting a missing or bad one with its place.
 */
public final class ScheduleKeys {
  private ScheduleKeys() {}

  /** The zone named at {@code where}.zone, UTC when absent or (with an error) unknown. */
  public static ZoneId zone(String text, String where, List<String> errors) {
    if (text == null) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      errors.add(where + ".zone: '" + text + "' is not a time zone");
      return ZoneOffset.UTC;
    }
  }

  /** The cron schedule at {@code where}.schedule, or null with an error. */
  public static CronSchedule cron(
      String expression, ZoneId zone, String where, List<String> errors) {
    if (expression == null) {
      errors.add(where + ".schedule: missing (a cron expression such as \"*/5 * * * *\")");
      return null;
    }
    try {
      return CronSchedule.parse(expression, zone);
    } catch (IllegalArgumentException e) {
      errors.add(where + ".schedule: " + e.getMessage());
      return null;
    }
  }
}
