package dev.recon.ingestion.schedule;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * A unit of scheduled work (poll one mailbox, run one tenant's daily reconciliation). {@code lease}
 * bounds how long a crashed holder blocks the task; it is renewed while the work runs.
 */
public record ScheduledTask(
    String taskId, CronSchedule schedule, Duration lease, Callable<TaskOutcome> work) {

  public static final int MAX_TASK_ID_CHARS = 256;

  public ScheduledTask {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(work, "work");
    if (taskId.isBlank() || taskId.length() > MAX_TASK_ID_CHARS) {
      throw new IllegalArgumentException(
          "task id must have 1-" + MAX_TASK_ID_CHARS + " characters");
    }
    if (lease.compareTo(TaskLeases.MIN_LEASE) < 0 || lease.compareTo(TaskLeases.MAX_LEASE) > 0) {
      throw new IllegalArgumentException(
          "lease of "
              + taskId
              + " must be between "
              + TaskLeases.MIN_LEASE
              + " and "
              + TaskLeases.MAX_LEASE);
    }
  }
}
