package dev.recon.ingestion.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires each task on its cron schedule; a fire runs the task only if this process can take its
 * lease in PostgreSQL, so across processes and restarts a task runs at most once at a time. A fire
 * that finds the task held elsewhere is skipped, not queued: the next fire picks up the work.
 */
public final class TaskScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TaskScheduler.class);

  /** Renew a held lease this many times per lease period, so one missed renewal is harmless. */
  static final int RENEWALS_PER_LEASE = 3;

  /** Result of one attempt to run a task. */
  public enum RunResult {
    SUCCEEDED,
    FAILED,
    HELD_ELSEWHERE
  }

  private final TaskLeases leases;
  private final String owner;
  private final Clock clock;
  private final ScheduledExecutorService timer;
  private final Map<String, ScheduledTask> tasks = new ConcurrentHashMap<>();
  private final Map<String, ScheduledFuture<?>> planned = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /**
   * @param owner this process's identity in the lease table (host + pid + a random suffix), so a
   *     restarted process never mistakes a lease of its previous life for its own
   */
  public TaskScheduler(TaskLeases leases, String owner, Clock clock, int threads) {
    this.leases = Objects.requireNonNull(leases, "leases");
    this.owner = Objects.requireNonNull(owner, "owner");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.timer = Executors.newScheduledThreadPool(threads);
  }

  /** Registers the task and plans its next fire. */
  public void schedule(ScheduledTask task) {
    if (tasks.putIfAbsent(task.taskId(), task) != null) {
      throw new IllegalArgumentException("task " + task.taskId() + " is already scheduled");
    }
    leases.register(task.taskId(), task.schedule().toString());
    planNext(task);
  }

  /** Runs the task now on the caller's thread (on demand, or from a fire), if its lease is free. */
  public RunResult runNow(String taskId) {
    ScheduledTask task = tasks.get(taskId);
    if (task == null) {
      throw new IllegalArgumentException("no task " + taskId);
    }
    if (!leases.tryAcquire(taskId, owner, task.lease())) {
      LOG.info("task {} is running elsewhere: this fire is skipped", taskId);
      return RunResult.HELD_ELSEWHERE;
    }
    long renewEvery = Math.max(1, task.lease().toMillis() / RENEWALS_PER_LEASE);
    ScheduledFuture<?> renewal =
        timer.scheduleAtFixedRate(
            () -> {
              if (!leases.renew(taskId, owner, task.lease())) {
                LOG.warn("task {} lost its lease while running", taskId);
              }
            },
            renewEvery,
            renewEvery,
            TimeUnit.MILLISECONDS);
    TaskOutcome outcome;
    try {
      outcome = Objects.requireNonNull(task.work().call(), "task returned no outcome");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      outcome = TaskOutcome.failed("interrupted");
    } catch (Exception e) {
      LOG.warn("task {} failed", taskId, e);
      outcome = TaskOutcome.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
    } finally {
      renewal.cancel(false);
    }
    if (!leases.release(taskId, owner, outcome)) {
      LOG.warn("task {} finished after its lease lapsed; outcome {} not recorded", taskId, outcome);
    }
    return outcome.status() == TaskOutcome.Status.SUCCEEDED
        ? RunResult.SUCCEEDED
        : RunResult.FAILED;
  }

  private void planNext(ScheduledTask task) {
    if (closed) {
      return;
    }
    Instant now = clock.instant();
    Optional<Instant> next = task.schedule().nextAfter(now);
    if (next.isEmpty()) {
      LOG.info("task {} has no further fire times", task.taskId());
      return;
    }
    long delay = Math.max(0, Duration.between(now, next.get()).toMillis());
    planned.put(
        task.taskId(),
        timer.schedule(
            () -> {
              try {
                runNow(task.taskId());
              } catch (RuntimeException e) {
                // the lease table itself is unreachable: try again at the next fire
                LOG.warn("task {} could not run", task.taskId(), e);
              } finally {
                planNext(task);
              }
            },
            delay,
            TimeUnit.MILLISECONDS));
  }

  @Override
  public void close() {
    closed = true;
    planned.values().forEach(f -> f.cancel(false));
    timer.shutdown();
    try {
      if (!timer.awaitTermination(30, TimeUnit.SECONDS)) {
        timer.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      timer.shutdownNow();
    }
  }
}
