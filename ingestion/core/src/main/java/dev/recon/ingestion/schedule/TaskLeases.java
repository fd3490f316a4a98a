package dev.recon.ingestion.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Leases on scheduled tasks in PostgreSQL. Time is the database's ({@code now()}), so processes
 * with skewed clocks agree on when a lease lapsed.
 */
public final class TaskLeases {

  public static final Duration MIN_LEASE = Duration.ofSeconds(5);
  public static final Duration MAX_LEASE = Duration.ofHours(6);

  private final DSLContext db;

  public TaskLeases(DataSource appRole) {
    this.db = DSL.using(Objects.requireNonNull(appRole, "appRole"), SQLDialect.POSTGRES);
  }

  /** Registers the task (or updates its cron) without touching a held lease. */
  public void register(String taskId, String cron) {
    db.execute(
        "insert into ingestion.scheduled_tasks (task_id, cron) values ({0}, {1})"
            + " on conflict (task_id) do update set cron = excluded.cron",
        DSL.val(taskId), DSL.val(cron));
  }

  /**
   * Takes the lease if nobody holds it or the holder's lease lapsed; marks the run as started.
   *
   * @return true when {@code owner} now holds the lease
   */
  public boolean tryAcquire(String taskId, String owner, Duration lease) {
    requireLease(lease);
    int updated =
        db.execute(
            "update ingestion.scheduled_tasks set lease_owner = {1},"
                + " lease_until = now() + make_interval(secs => {2}),"
                + " last_started_at = now(), runs = runs + 1"
                + " where task_id = {0} and (lease_until is null or lease_until < now())",
            DSL.val(taskId), DSL.val(owner), DSL.val((double) lease.toSeconds()));
    return updated == 1;
  }

  /** Extends a held lease; false when it was lost (lapsed and taken by another owner). */
  public boolean renew(String taskId, String owner, Duration lease) {
    requireLease(lease);
    return db.execute(
            "update ingestion.scheduled_tasks"
                + " set lease_until = now() + make_interval(secs => {2})"
                + " where task_id = {0} and lease_owner = {1}",
            DSL.val(taskId), DSL.val(owner), DSL.val((double) lease.toSeconds()))
        == 1;
  }

  /** Records the outcome and frees the lease, if still held by {@code owner}. */
  public boolean release(String taskId, String owner, TaskOutcome outcome) {
    return db.execute(
            "update ingestion.scheduled_tasks set lease_owner = null, lease_until = null,"
                + " last_finished_at = now(), last_outcome = {2}, last_detail = {3}"
                + " where task_id = {0} and lease_owner = {1}",
            DSL.val(taskId),
            DSL.val(owner),
            DSL.val(outcome.status().name()),
            DSL.val(outcome.detail()))
        == 1;
  }

  public Optional<TaskRecord> find(String taskId) {
    Record r =
        db.resultQuery(
                "select task_id, cron, lease_owner, lease_until, last_started_at,"
                    + " last_finished_at, last_outcome, last_detail, runs"
                    + " from ingestion.scheduled_tasks where task_id = {0}",
                DSL.val(taskId))
            .fetchOptional()
            .orElse(null);
    if (r == null) {
      return Optional.empty();
    }
    return Optional.of(
        new TaskRecord(
            r.get(0, String.class),
            r.get(1, String.class),
            r.get(2, String.class),
            instant(r.get(3, OffsetDateTime.class)),
            instant(r.get(4, OffsetDateTime.class)),
            instant(r.get(5, OffsetDateTime.class)),
            r.get(6, String.class),
            r.get(7, String.class),
            r.get(8, Long.class)));
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }

  private static void requireLease(Duration lease) {
    if (lease.compareTo(MIN_LEASE) < 0 || lease.compareTo(MAX_LEASE) > 0) {
      throw new IllegalArgumentException(
          "lease must be between " + MIN_LEASE + " and " + MAX_LEASE);
    }
  }
}
