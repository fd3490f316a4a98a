package dev.recon.app.connectors;

import dev.recon.ingestion.schedule.CronSchedule;
import dev.recon.ingestion.schedule.TaskOutcome;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * A configured polling connector, ready to be built once the platform's services exist: its task id
 * (unique across the cluster, so its lease is too), cron schedule, lease and how to poll once.
 */
public record PlannedPoll(
    String taskId,
    CronSchedule schedule,
    Duration lease,
    Function<ConnectorServices, Callable<TaskOutcome>> poll) {

  /** Long enough for a large SFTP file or a slow mailbox; renewed while the poll runs. */
  public static final Duration DEFAULT_LEASE = Duration.ofMinutes(10);

  public PlannedPoll {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(poll, "poll");
  }
}
