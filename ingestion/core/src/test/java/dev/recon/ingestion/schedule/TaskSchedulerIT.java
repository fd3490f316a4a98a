package dev.recon.ingestion.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.ingestion.testing.EmbeddedConnectorState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class TaskSchedulerIT {

  @TempDir static Path dir;
  static EmbeddedConnectorState db;

  @BeforeAll
  static void start() throws Exception {
    db = EmbeddedConnectorState.start(dir.resolve("pg"));
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
  }

  private static ScheduledTask task(String id, java.util.concurrent.Callable<TaskOutcome> work) {
    // yearly: the test drives runs by hand, the timer never fires during it
    return new ScheduledTask(
        id, CronSchedule.parse("0 0 1 1 *", ZoneOffset.UTC), Duration.ofSeconds(30), work);
  }

  @Test
  void aTaskRunsAtMostOnceAtATimeAcrossSchedulers() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    java.util.concurrent.Callable<TaskOutcome> work =
        () -> {
          runs.incrementAndGet();
          running.countDown();
          assertThat(finish.await(60, TimeUnit.SECONDS)).isTrue();
          return TaskOutcome.succeeded("polled 2 files");
        };
    try (TaskScheduler a =
            new TaskScheduler(new TaskLeases(db.app()), "node-a", Clock.systemUTC(), 2);
        TaskScheduler b =
            new TaskScheduler(new TaskLeases(db.app()), "node-b", Clock.systemUTC(), 2)) {
      a.schedule(task("sftp:acme", work));
      b.schedule(task("sftp:acme", work));

      CompletableFuture<TaskScheduler.RunResult> first =
          CompletableFuture.supplyAsync(() -> a.runNow("sftp:acme"));
      assertThat(running.await(60, TimeUnit.SECONDS)).isTrue();
      assertThat(b.runNow("sftp:acme")).isEqualTo(TaskScheduler.RunResult.HELD_ELSEWHERE);
      finish.countDown();
      assertThat(first.get(60, TimeUnit.SECONDS)).isEqualTo(TaskScheduler.RunResult.SUCCEEDED);

      // free again: the other node may run it now
      assertThat(b.runNow("sftp:acme")).isEqualTo(TaskScheduler.RunResult.SUCCEEDED);
    }
    assertThat(runs).hasValue(2);
    TaskRecord record = new TaskLeases(db.app()).find("sftp:acme").orElseThrow();
    assertThat(record.leaseOwner()).isNull();
    assertThat(record.lastOutcome()).isEqualTo("SUCCEEDED");
    assertThat(record.lastDetail()).isEqualTo("polled 2 files");
    assertThat(record.runs()).isEqualTo(2);
  }

  @Test
  void aFailureIsRecordedWithItsReason() {
    try (TaskScheduler s =
        new TaskScheduler(new TaskLeases(db.app()), "node-a", Clock.systemUTC(), 1)) {
      s.schedule(
          task(
              "recon:acme:daily",
              () -> {
                throw new IllegalStateException("bank file missing");
              }));
      assertThat(s.runNow("recon:acme:daily")).isEqualTo(TaskScheduler.RunResult.FAILED);
    }
    TaskRecord record = new TaskLeases(db.app()).find("recon:acme:daily").orElseThrow();
    assertThat(record.lastOutcome()).isEqualTo("FAILED");
    assertThat(record.lastDetail()).contains("bank file missing");
  }

  @Test
  void theLeaseOfACrashedHolderLapsesAndAnotherNodeTakesOver() throws Exception {
    TaskLeases leases = new TaskLeases(db.app());
    leases.register("imap:acme", "x");
    assertThat(leases.tryAcquire("imap:acme", "crashed-node", Duration.ofSeconds(30))).isTrue();
    try (TaskScheduler s = new TaskScheduler(leases, "node-b", Clock.systemUTC(), 1)) {
      s.schedule(task("imap:acme", () -> TaskOutcome.succeeded("ok")));
      assertThat(s.runNow("imap:acme")).isEqualTo(TaskScheduler.RunResult.HELD_ELSEWHERE);
      // the crashed node never renews: move its lease end into the past instead of waiting
      try (Connection c = db.owner().getConnection();
          Statement st = c.createStatement()) {
        st.execute(
            "update ingestion.scheduled_tasks set lease_until = now() - interval '1 second'"
                + " where task_id = 'imap:acme'");
      }
      assertThat(s.runNow("imap:acme")).isEqualTo(TaskScheduler.RunResult.SUCCEEDED);
    }
    assertThat(leases.renew("imap:acme", "crashed-node", Duration.ofSeconds(30))).isFalse();
  }

  @Test
  void theAppRoleCannotEraseTaskHistory() {
    new TaskLeases(db.app()).register("x", "y");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> {
              try (Connection c = db.app().getConnection();
                  Statement st = c.createStatement()) {
                st.execute("delete from ingestion.scheduled_tasks");
              }
            })
        .isInstanceOf(java.sql.SQLException.class);
  }
}
