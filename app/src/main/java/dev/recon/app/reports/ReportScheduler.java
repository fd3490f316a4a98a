package dev.recon.app.reports;

import dev.recon.app.connectors.ConnectorRuntime;
import dev.recon.ingestion.schedule.TaskLeases;
import dev.recon.ingestion.schedule.TaskOutcome;
import dev.recon.reporting.delivery.DueReport;
import dev.recon.reporting.delivery.ReportSchedule;
import dev.recon.reporting.delivery.ScheduledReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Produces the scheduled reports and exports of {@code recon run}. One daemon thread wakes at the
 * next cron time of any schedule, delivers every report due since the schedule's stored progress
 * (at most {@link ReportSchedule#MAX_CATCH_UP} per schedule after downtime), and stores the
 * progress after each one, so a restart neither misses nor repeats a report; a period goes out once
 * even when the cron expression fires more than once in it. A pass with nothing due writes nothing
 * (neither progress nor the lease). A failed delivery is counted and retried after {@link
 * #RETRY_DELAY}, at most {@link #MAX_ATTEMPTS} times (a {@link DailyRunTooLarge} day is given up at
 * once); later reports of the same schedule wait behind it, so a schedule's periods go out in
 * order.
 *
 * <p>A report delivered just before a crash, whose progress was not yet stored, is delivered once
 * more after the restart (the same files, replaced in place, and a second mail).
 */
public final class ReportScheduler implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ReportScheduler.class);

  /** Deliveries of one due report before it is given up (and counted as abandoned). */
  public static final int MAX_ATTEMPTS = 5;

  /** How soon a failed delivery is tried again. */
  public static final Duration RETRY_DELAY = Duration.ofMinutes(10);

  /** The longest sleep, so a changed wall clock or a lapsed lease elsewhere is noticed. */
  public static final Duration MAX_SLEEP = Duration.ofHours(1);

  /** Prometheus: {@code recon_reports_delivered_total{kind, outcome}}. */
  public static final String METER = "recon.reports.delivered";

  /** The kind tag of scheduled exports. */
  public static final String EXPORT_KIND = "export";

  /** One process at a time runs a pass; the lease row is in {@code ingestion.scheduled_tasks}. */
  public static final String TASK_ID = "reports:scheduler";

  static final Duration LEASE = Duration.ofHours(1);

  /** The progress key of a tenant's scheduled export. */
  static final String EXPORTS_KEY = "exports";

  enum Outcome {
    DELIVERED,
    FAILED,
    ABANDONED;

    String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Renders and delivers one due report; returns what it did, for the log. */
  @FunctionalInterface
  public interface ReportDeliveries {
    String deliver(DueReport due) throws Exception;
  }

  /** Exports one tenant's datasets; returns what it did, for the log. */
  @FunctionalInterface
  public interface TenantExports {
    String export(String tenant) throws Exception;
  }

  private final List<ScheduledReport> reports;
  private final List<ReportSchedule> perReport;
  private final ReportSchedule all;
  private final Optional<ExportPlan> exports;
  private final ReportDeliveries deliveries;
  private final TenantExports tenantExports;
  private final ScheduleProgressStore store;
  private final MeterRegistry meters;
  private final Clock clock;
  private final Optional<TaskLeases> leases;
  private final String owner;
  private ScheduledExecutorService executor;
  private boolean registered;

  public ReportScheduler(
      List<ScheduledReport> reports,
      Optional<ExportPlan> exports,
      ReportDeliveries deliveries,
      TenantExports tenantExports,
      ScheduleProgressStore store,
      MeterRegistry meters,
      Clock clock,
      Optional<TaskLeases> leases) {
    this.reports = List.copyOf(reports);
    this.all = new ReportSchedule(this.reports);
    List<ReportSchedule> each = new ArrayList<>();
    for (ScheduledReport r : this.reports) {
      each.add(new ReportSchedule(List.of(r)));
    }
    this.perReport = List.copyOf(each);
    this.exports = Objects.requireNonNull(exports, "exports");
    this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
    this.tenantExports = Objects.requireNonNull(tenantExports, "tenantExports");
    this.store = Objects.requireNonNull(store, "store");
    this.meters = Objects.requireNonNull(meters, "meters");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.leases = Objects.requireNonNull(leases, "leases");
    this.owner = ConnectorRuntime.processIdentity();
  }

  /** What a schedule's progress is stored under: its kind, cron expression and zone. */
  public static String stateKey(ScheduledReport report) {
    return report.kind().folderName() + " " + report.cron().strip() + " " + report.zone().getId();
  }

  public boolean isEmpty() {
    return reports.isEmpty() && exports.isEmpty();
  }

  /** Starts the daemon thread; nothing when nothing is scheduled. */
  public synchronized void start() {
    if (isEmpty() || executor != null) {
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "recon-report-scheduler");
              t.setDaemon(true);
              return t;
            });
    executor.execute(this::loop);
  }

  private void loop() {
    Instant next;
    try {
      next = leasedWakeUp();
    } catch (RuntimeException e) {
      // the database may be away for a moment; no message: it may quote data
      LOG.warn(
          "report scheduler: a pass failed ({}); next try in {}",
          e.getClass().getName(),
          RETRY_DELAY);
      next = clock.instant().plus(RETRY_DELAY);
    }
    long delay = Math.max(0, Duration.between(clock.instant(), next).toMillis());
    synchronized (this) {
      if (executor != null && !executor.isShutdown()) {
        executor.schedule(this::loop, delay, TimeUnit.MILLISECONDS);
      }
    }
  }

  /** A pass under the lease, as the thread makes it; another process holding it means no pass. */
  Instant leasedWakeUp() {
    if (leases.isEmpty()) {
      return wakeUp();
    }
    TaskLeases l = leases.get();
    if (!registered) {
      // on this thread, so a database that is away at start delays the first pass, not recon run
      l.register(TASK_ID, "report and export schedules of the config file");
      registered = true;
    }
    if (!l.tryAcquire(TASK_ID, owner, LEASE)) {
      // another process is making a pass; its progress is ours too, so look again soon
      return nextWakeUp(clock.instant(), true);
    }
    TaskOutcome outcome = TaskOutcome.failed("pass did not finish");
    try {
      Instant next = wakeUp();
      outcome = TaskOutcome.succeeded("next wake-up " + next);
      return next;
    } finally {
      l.release(TASK_ID, owner, outcome);
    }
  }

  /**
   * One pass: delivers what is due at the clock's now, stores progress.
   *
   * @return when the next pass is due
   */
  public Instant wakeUp() {
    Instant now = clock.instant();
    boolean retryPending = false;
    for (int i = 0; i < reports.size() && !Thread.currentThread().isInterrupted(); i++) {
      retryPending |= !catchUp(reports.get(i), perReport.get(i), now);
    }
    if (exports.isPresent()) {
      for (String tenant : exports.get().tenants()) {
        if (Thread.currentThread().isInterrupted()) {
          break;
        }
        retryPending |= !exportIfDue(exports.get(), tenant, now);
      }
    }
    return nextWakeUp(now, retryPending);
  }

  /**
   * Delivers the reports due since the stored progress. Nothing is written when nothing is due: the
   * progress stays at the last cron time handled, which is where the next pass looks from.
   *
   * @return false when a delivery failed and is to be retried
   */
  private boolean catchUp(ScheduledReport report, ReportSchedule schedule, Instant now) {
    String key = stateKey(report);
    Optional<ScheduleProgress> stored = store.load(report.tenant(), key);
    if (stored.isEmpty()) {
      // a new schedule starts now: nothing before it was asked for
      store.save(report.tenant(), key, new ScheduleProgress(now, 0));
      return true;
    }
    ScheduleProgress saved = stored.get();
    ScheduleProgress progress = saved;
    String kind = report.kind().folderName();
    for (DueReport due : schedule.dueBetween(progress.checkedThrough(), now)) {
      if (progress.covers(due.period())) {
        // another cron time for a period already sent: each day (or month) goes out once
        progress = new ScheduleProgress(due.firesAt(), 0, progress.lastPeriod());
        continue;
      }
      String what = kind + " report of tenant " + report.tenant() + " for " + due.period();
      if (!attempt(
          report.tenant(), key, kind, what, "given up", progress, () -> deliveries.deliver(due))) {
        keepLease();
        return false;
      }
      progress = new ScheduleProgress(due.firesAt(), 0, due.period());
      store.save(report.tenant(), key, progress);
      saved = progress;
      keepLease();
    }
    if (!progress.equals(saved)) {
      store.save(report.tenant(), key, progress);
    }
    return true;
  }

  /**
   * @return false when the export failed and is to be retried
   */
  private boolean exportIfDue(ExportPlan plan, String tenant, Instant now) {
    Optional<ScheduleProgress> stored = store.load(tenant, EXPORTS_KEY);
    if (stored.isEmpty()) {
      store.save(tenant, EXPORTS_KEY, new ScheduleProgress(now, 0));
      return true;
    }
    ScheduleProgress progress = stored.get();
    Optional<Instant> firesAt = plan.schedule().nextAfter(progress.checkedThrough());
    if (firesAt.isEmpty() || firesAt.get().isAfter(now)) {
      return true; // nothing due, nothing written
    }
    // exports are incremental: one run covers every missed cron time
    if (!attempt(
        tenant,
        EXPORTS_KEY,
        EXPORT_KIND,
        "export of tenant " + tenant,
        "given up until its next cron time",
        progress,
        () -> tenantExports.export(tenant))) {
      keepLease();
      return false;
    }
    store.save(tenant, EXPORTS_KEY, new ScheduleProgress(now, 0));
    keepLease();
    return true;
  }

  /**
   * Runs one scheduled delivery or export and counts its outcome. Below {@link #MAX_ATTEMPTS}
   * failures, the attempt count is saved with {@code progress} unchanged, to retry.
   *
   * @return true when it was done or given up (its progress may move on); false when it is to be
   *     retried or the scheduler is stopping
   */
  private boolean attempt(
      String tenant,
      String key,
      String kind,
      String what,
      String givenUp,
      ScheduleProgress progress,
      Callable<String> work) {
    try {
      String done = work.call();
      count(kind, Outcome.DELIVERED);
      LOG.info("scheduled {}: {}", what, done);
      return true;
    } catch (Exception e) {
      if (interrupted(e)) {
        return false; // stopping: progress stays, the next start does it
      }
      // a day too large to render stays too large: trying again reads the same rows
      int attempts = e instanceof DailyRunTooLarge ? MAX_ATTEMPTS : progress.failedAttempts() + 1;
      if (attempts < MAX_ATTEMPTS) {
        count(kind, Outcome.FAILED);
        LOG.warn(
            "scheduled {} failed (attempt {} of {}; {}); retried in {}",
            what,
            attempts,
            MAX_ATTEMPTS,
            causes(e),
            RETRY_DELAY);
        store.save(tenant, key, progress.withFailedAttempts(attempts));
        return false;
      }
      count(kind, Outcome.ABANDONED);
      if (e instanceof DailyRunTooLarge) {
        LOG.error("scheduled {} is too large to render ({}); given up", what, causes(e));
      } else {
        LOG.error("scheduled {} failed {} times ({}); {}", what, attempts, causes(e), givenUp);
      }
      return true;
    }
  }

  Instant nextWakeUp(Instant now, boolean retryPending) {
    Instant next = now.plus(MAX_SLEEP);
    next = earlier(next, all.nextAfter(now));
    if (exports.isPresent()) {
      next = earlier(next, exports.get().schedule().nextAfter(now));
    }
    if (retryPending) {
      next = earlier(next, Optional.of(now.plus(RETRY_DELAY)));
    }
    return next;
  }

  private static Instant earlier(Instant a, Optional<Instant> b) {
    return b.isPresent() && b.get().isBefore(a) ? b.get() : a;
  }

  /**
   * Deliveries and exports are the slow steps of a pass: the lease is renewed after each (once its
   * progress is stored), and an idle schedule does not touch it.
   */
  private void keepLease() {
    leases.ifPresent(l -> l.renew(TASK_ID, owner, LEASE));
  }

  private void count(String kind, Outcome outcome) {
    Counter.builder(METER)
        .description("scheduled reports and exports by outcome")
        .tag("kind", kind)
        .tag("outcome", outcome.tag())
        .register(meters)
        .increment();
  }

  private static boolean interrupted(Exception e) {
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    return Thread.currentThread().isInterrupted();
  }

  /** The exception classes only: messages may carry addresses, data or a server's reply. */
  static String causes(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null && b.length() < 512; t = t.getCause()) {
      if (b.length() > 0) {
        b.append(" <- ");
      }
      b.append(t.getClass().getName());
      if (t.getCause() == t) {
        break;
      }
    }
    return b.toString();
  }

  @Override
  public void close() {
    ScheduledExecutorService running;
    synchronized (this) {
      running = executor;
      executor = null;
    }
    if (running == null) {
      return;
    }
    running.shutdownNow();
    try {
      if (!running.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("report scheduler: a delivery did not stop within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
