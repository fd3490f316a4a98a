package dev.recon.app.reports;

import java.util.Optional;

/**
 * Where the report scheduler keeps each schedule's progress across restarts. In the platform: the
 * connectors' offset table ({@link OffsetProgressStore}); in tests, a map.
 */
public interface ScheduleProgressStore {

  Optional<ScheduleProgress> load(String tenant, String scheduleKey);

  void save(String tenant, String scheduleKey, ScheduleProgress progress);
}
