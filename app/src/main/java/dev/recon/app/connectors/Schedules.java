package dev.recon.app.connectors;

import dev.recon.ingestion.schedule.CronSchedule;
import java.time.ZoneId;
import java.util.List;

/** Reads a connector's {@code schedule} key, reporting a missing or bad one with its place. */
final class Schedules {
  private Schedules() {}

  static CronSchedule parse(String expression, ZoneId zone, String where, List<String> errors) {
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
