package dev.recon.app.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.ingestion.schedule.CronSchedule;
import dev.recon.ingestion.schedule.TaskLeases;
import dev.recon.reporting.delivery.DueReport;
import dev.recon.reporting.delivery.ReportKind;
import dev.recon.reporting.delivery.ReportSchedule;
import dev.recon.reporting.delivery.ScheduledReport;
import dev.recon.reporting.export.ExportFormat;
import dev.recon.reporting.render.ReportFormat;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class ReportSchedulerTest {

  static final ScheduledReport ACME =
      new ScheduledReport(
          "acme",
          ReportKind.MONTH_END,
          "0 6 1 * *",
          ZoneOffset.UTC,
          Set.of(ReportFormat.CSV),
          List.of());

  /** A clock the test moves. */
  static final class MovingClock extends Clock {
    Instant now;

    MovingClock(String start) {
      now = Instant.parse(start);
    }

    void set(String instant) {
      now = Instant.parse(instant);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  /** Progress kept as the maps the database holds, so a new scheduler reads it back. */
  static final class MapStore implements ScheduleProgressStore {
    final Map<String, Map<String, String>> rows = new HashMap<>();

    @Override
    public Optional<ScheduleProgress> load(String tenant, String key) {
      return Optional.ofNullable(rows.get(tenant + "|" + key)).map(ScheduleProgress::fromMap);
    }

    @Override
    public void save(String tenant, String key, ScheduleProgress progress) {
      rows.put(tenant + "|" + key, progress.toMap());
    }
  }

  final MovingClock clock = new MovingClock("2026-01-15T00:00:00Z");
  final MapStore store = new MapStore();
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final List<String> delivered = new ArrayList<>();
  final List<String> exported = new ArrayList<>();
  int failuresToCome;
  int tooLargeToCome;

  ReportScheduler scheduler(List<ScheduledReport> reports, Optional<ExportPlan> exports) {
    return new ReportScheduler(
        reports, exports, this::deliver, this::export, store, meters, clock, Optional.empty());
  }

  String deliver(DueReport due) throws IOException {
    if (tooLargeToCome > 0) {
      tooLargeToCome--;
      throw new DailyRunTooLarge(due.schedule().tenant(), due.period(), "matches", 1);
    }
    if (failuresToCome > 0) {
      failuresToCome--;
      throw new IOException("destination unavailable: finance@acme.example");
    }
    delivered.add(due.schedule().tenant() + " " + due.period());
    return "stored";
  }

  String export(String tenant) throws IOException {
    if (failuresToCome > 0) {
      failuresToCome--;
      throw new IOException("bucket unavailable");
    }
    exported.add(tenant + "@" + clock.instant());
    return "exported";
  }

  double count(String kind, String outcome) {
    var counter =
        meters.find(ReportScheduler.METER).tag("kind", kind).tag("outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void aDueReportIsProducedOnceAtItsCronTime() {
    ReportScheduler s = scheduler(List.of(ACME), Optional.empty());

    Instant next = s.wakeUp();
    assertThat(delivered).isEmpty(); // a new schedule starts now: nothing before it is asked for
    assertThat(next).isEqualTo(Instant.parse("2026-01-15T01:00:00Z")); // MAX_SLEEP

    clock.set("2026-02-01T05:59:59Z");
    assertThat(s.wakeUp()).isEqualTo(Instant.parse("2026-02-01T06:00:00Z"));
    assertThat(delivered).isEmpty();

    clock.set("2026-02-01T06:00:00Z");
    assertThat(s.wakeUp()).isEqualTo(Instant.parse("2026-02-01T07:00:00Z")); // MAX_SLEEP
    assertThat(delivered).containsExactly("acme 2026-01");

    s.wakeUp();
    clock.set("2026-02-20T00:00:00Z");
    s.wakeUp();
    assertThat(delivered).containsExactly("acme 2026-01");
    assertThat(count("month-end", "delivered")).isEqualTo(1);
  }

  @Test
  void missedRunsAreMadeUpInOrderAfterDowntimeUpToTheCatchUpLimit() {
    scheduler(List.of(ACME), Optional.empty()).wakeUp();

    clock.set("2026-05-10T00:00:00Z"); // down since mid-January
    scheduler(List.of(ACME), Optional.empty()).wakeUp();
    assertThat(delivered)
        .containsExactly("acme 2026-01", "acme 2026-02", "acme 2026-03", "acme 2026-04");

    delivered.clear();
    clock.set("2030-01-01T07:00:00Z"); // down for years: only the latest runs are made up
    scheduler(List.of(ACME), Optional.empty()).wakeUp();
    assertThat(delivered).hasSize(ReportSchedule.MAX_CATCH_UP).endsWith("acme 2029-12");
    assertThat(delivered.get(0)).isEqualTo("acme 2027-06");
  }

  @Test
  void aRestartedSchedulerReadsTheProgressBackAndSendsNothingTwice() {
    scheduler(List.of(ACME), Optional.empty()).wakeUp();
    clock.set("2026-02-01T06:30:00Z");
    scheduler(List.of(ACME), Optional.empty()).wakeUp();
    assertThat(delivered).containsExactly("acme 2026-01");

    ReportScheduler restarted = scheduler(List.of(ACME), Optional.empty());
    restarted.wakeUp();
    clock.set("2026-02-28T00:00:00Z");
    restarted.wakeUp();
    assertThat(delivered).containsExactly("acme 2026-01");
    // idle passes wrote nothing: the progress is the last cron time handled and its period
    assertThat(store.rows.get("acme|" + ReportScheduler.stateKey(ACME)))
        .containsEntry(ScheduleProgress.CHECKED_THROUGH, "2026-02-01T06:00:00Z")
        .containsEntry(ScheduleProgress.FAILED_ATTEMPTS, "0")
        .containsEntry(ScheduleProgress.LAST_PERIOD, "2026-01");
  }

  static final ScheduledReport DAILY =
      new ScheduledReport(
          "acme",
          ReportKind.DAILY,
          "0 6 * * *",
          ZoneId.of("Europe/Amsterdam"),
          Set.of(ReportFormat.CSV),
          List.of());

  @Test
  void aDailyScheduleMakesUpEachMissedDayOnceAfterARestart() {
    scheduler(List.of(DAILY), Optional.empty()).wakeUp();
    clock.set("2026-01-15T05:30:00Z"); // 06:30 in Amsterdam
    scheduler(List.of(DAILY), Optional.empty()).wakeUp();
    assertThat(delivered).containsExactly("acme 2026-01-14");

    clock.set("2026-01-18T09:00:00Z"); // down for three cron times
    ReportScheduler restarted = scheduler(List.of(DAILY), Optional.empty());
    restarted.wakeUp();
    assertThat(delivered)
        .containsExactly(
            "acme 2026-01-14", "acme 2026-01-15", "acme 2026-01-16", "acme 2026-01-17");
    restarted.wakeUp();
    scheduler(List.of(DAILY), Optional.empty()).wakeUp();
    assertThat(delivered).hasSize(4);
    assertThat(count("daily", "delivered")).isEqualTo(4);
  }

  @Test
  void aCronFiringTwiceADaySendsEachDayOnce() {
    ScheduledReport twice =
        new ScheduledReport(
            "acme",
            ReportKind.DAILY,
            "0 6,18 * * *",
            ZoneOffset.UTC,
            Set.of(ReportFormat.CSV),
            List.of());
    scheduler(List.of(twice), Optional.empty()).wakeUp(); // 2026-01-15T00:00Z
    clock.set("2026-01-15T06:00:00Z");
    scheduler(List.of(twice), Optional.empty()).wakeUp();
    clock.set("2026-01-15T18:00:00Z");
    scheduler(List.of(twice), Optional.empty()).wakeUp();
    assertThat(delivered).containsExactly("acme 2026-01-14");

    clock.set("2026-01-18T19:00:00Z"); // six cron times missed, three days
    scheduler(List.of(twice), Optional.empty()).wakeUp();
    assertThat(delivered)
        .containsExactly(
            "acme 2026-01-14", "acme 2026-01-15", "acme 2026-01-16", "acme 2026-01-17");
    assertThat(store.rows.get("acme|" + ReportScheduler.stateKey(twice)))
        .containsEntry(ScheduleProgress.CHECKED_THROUGH, "2026-01-18T18:00:00Z")
        .containsEntry(ScheduleProgress.LAST_PERIOD, "2026-01-17");
  }

  @Test
  void aDayTooLargeToRenderIsGivenUpAtOnceAndTheNextDayGoesOut() {
    scheduler(List.of(DAILY), Optional.empty()).wakeUp();
    clock.set("2026-01-16T05:30:00Z"); // the 14th and the 15th are due
    tooLargeToCome = 1;
    Instant next = scheduler(List.of(DAILY), Optional.empty()).wakeUp();
    assertThat(count("daily", "abandoned")).isEqualTo(1);
    assertThat(count("daily", "failed")).isZero();
    assertThat(delivered).containsExactly("acme 2026-01-15");
    assertThat(next).isNotEqualTo(clock.instant().plus(ReportScheduler.RETRY_DELAY));
  }

  /** Counts writes; loads pass through. */
  static final class CountingStore implements ScheduleProgressStore {
    final MapStore inner;
    int saves;

    CountingStore(MapStore inner) {
      this.inner = inner;
    }

    @Override
    public Optional<ScheduleProgress> load(String tenant, String key) {
      return inner.load(tenant, key);
    }

    @Override
    public void save(String tenant, String key, ScheduleProgress progress) {
      saves++;
      inner.save(tenant, key, progress);
    }
  }

  /** A database that answers nothing: a lease renewal through it fails the pass. */
  static DataSource noDatabase(AtomicInteger connections) {
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getConnection")) {
                connections.incrementAndGet();
                throw new SQLException("no database in this test");
              }
              if (method.getName().equals("toString")) {
                return "no database";
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  @Test
  void anIdlePassWritesNeitherProgressNorTheLease() {
    ExportPlan plan =
        new ExportPlan(
            CronSchedule.parse("0 6 * * *", ZoneOffset.UTC),
            List.of("acme", "globex"),
            Set.of(ExportFormat.PARQUET),
            List.of("postings"),
            StorageLocation.parse("/tmp/never-written", null, null));
    AtomicInteger connections = new AtomicInteger();
    CountingStore counting = new CountingStore(store);
    ReportScheduler s =
        new ReportScheduler(
            List.of(ACME, DAILY),
            Optional.of(plan),
            this::deliver,
            this::export,
            counting,
            meters,
            clock,
            Optional.of(new TaskLeases(noDatabase(connections))));
    s.wakeUp(); // new schedules: their start is stored, once
    assertThat(counting.saves).isEqualTo(4);

    counting.saves = 0;
    clock.set("2026-01-15T01:30:00Z"); // nothing due before 05:00
    s.wakeUp();
    clock.set("2026-01-15T04:59:59Z");
    s.wakeUp();
    assertThat(counting.saves).isZero();
    assertThat(connections).hasValue(0);
    assertThat(delivered).isEmpty();
    assertThat(exported).isEmpty();

    // a pass with work writes what changed and renews the lease after each delivery or export
    clock.set("2026-01-15T05:00:00Z"); // 06:00 in Amsterdam: the daily report
    assertThatThrownBy(s::wakeUp).hasRootCauseInstanceOf(SQLException.class);
    assertThat(connections.get()).isPositive();
    assertThat(delivered).containsExactly("acme 2026-01-14");
  }

  @Test
  void aFailedDeliveryIsCountedAndRetriedSoonWithLaterPeriodsWaitingBehindIt() {
    scheduler(List.of(ACME), Optional.empty()).wakeUp();
    clock.set("2026-03-01T06:00:00Z"); // January and February are due
    failuresToCome = 2;

    ReportScheduler s = scheduler(List.of(ACME), Optional.empty());
    Instant retryAt = s.wakeUp();
    assertThat(delivered).isEmpty();
    assertThat(count("month-end", "failed")).isEqualTo(1);
    assertThat(retryAt).isEqualTo(clock.instant().plus(ReportScheduler.RETRY_DELAY));

    clock.set("2026-03-01T06:10:00Z");
    scheduler(List.of(ACME), Optional.empty()).wakeUp(); // restarted in between: attempts kept
    assertThat(count("month-end", "failed")).isEqualTo(2);
    assertThat(store.rows.get("acme|" + ReportScheduler.stateKey(ACME)))
        .containsEntry(ScheduleProgress.FAILED_ATTEMPTS, "2");

    clock.set("2026-03-01T06:20:00Z");
    s.wakeUp();
    assertThat(delivered).containsExactly("acme 2026-01", "acme 2026-02");
    assertThat(count("month-end", "delivered")).isEqualTo(2);
    assertThat(count("month-end", "abandoned")).isZero();
  }

  @Test
  void aReportThatKeepsFailingIsGivenUpAfterTheAttemptLimitAndTheNextOneGoesOut() {
    scheduler(List.of(ACME), Optional.empty()).wakeUp();
    clock.set("2026-03-01T06:00:00Z");
    failuresToCome = ReportScheduler.MAX_ATTEMPTS;
    ReportScheduler s = scheduler(List.of(ACME), Optional.empty());
    for (int i = 0; i < ReportScheduler.MAX_ATTEMPTS; i++) {
      s.wakeUp();
      clock.now = clock.now.plus(ReportScheduler.RETRY_DELAY);
    }
    assertThat(count("month-end", "failed")).isEqualTo(ReportScheduler.MAX_ATTEMPTS - 1);
    assertThat(count("month-end", "abandoned")).isEqualTo(1);
    assertThat(delivered).containsExactly("acme 2026-02"); // January given up, February delivered
    s.wakeUp();
    assertThat(delivered).containsExactly("acme 2026-02");
  }

  @Test
  void exportsRunOncePerCronTimeForEachTenantAndAreRetriedOnFailure() {
    ExportPlan plan =
        new ExportPlan(
            CronSchedule.parse("0 2 * * *", ZoneOffset.UTC),
            List.of("acme", "globex"),
            Set.of(ExportFormat.PARQUET),
            List.of("postings"),
            StorageLocation.parse("/tmp/never-written", null, null));
    ReportScheduler s = scheduler(List.of(), Optional.of(plan));
    assertThat(s.wakeUp()).isEqualTo(Instant.parse("2026-01-15T01:00:00Z")); // MAX_SLEEP first
    assertThat(exported).isEmpty();

    clock.set("2026-01-17T03:00:00Z"); // two cron times missed: one incremental run covers both
    s.wakeUp();
    s.wakeUp();
    assertThat(exported)
        .containsExactly("acme@2026-01-17T03:00:00Z", "globex@2026-01-17T03:00:00Z");

    clock.set("2026-01-18T02:00:00Z");
    failuresToCome = 1;
    Instant retryAt = s.wakeUp();
    assertThat(count(ReportScheduler.EXPORT_KIND, "failed")).isEqualTo(1);
    assertThat(retryAt).isEqualTo(clock.instant().plus(ReportScheduler.RETRY_DELAY));
    clock.set("2026-01-18T02:10:00Z");
    s.wakeUp();
    assertThat(exported)
        .hasSize(4)
        .contains("acme@2026-01-18T02:10:00Z", "globex@2026-01-18T02:00:00Z");
    assertThat(count(ReportScheduler.EXPORT_KIND, "delivered")).isEqualTo(4);
  }

  @Test
  void theLogNamesExceptionClassesNeverTheirMessages() {
    String causes =
        ReportScheduler.causes(
            new IOException("mail to finance@acme.example refused", new RuntimeException("pw")));
    assertThat(causes)
        .isEqualTo("java.io.IOException <- java.lang.RuntimeException")
        .doesNotContain("acme.example");
  }
}
