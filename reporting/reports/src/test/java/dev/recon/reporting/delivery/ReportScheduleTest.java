package dev.recon.reporting.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.reporting.render.ReportFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportScheduleTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  static ScheduledReport daily(String tenant, String cron) {
    return new ScheduledReport(
        tenant, ReportKind.DAILY, cron, BERLIN, EnumSet.of(ReportFormat.PDF), List.of());
  }

  static ScheduledReport monthEnd(String tenant, String cron) {
    return new ScheduledReport(
        tenant, ReportKind.MONTH_END, cron, BERLIN, EnumSet.of(ReportFormat.XLSX), List.of());
  }

  @Test
  void aDailyReportAtSixInTheMorningCoversTheDayBeforeInItsZone() {
    ReportSchedule schedule = new ReportSchedule(List.of(daily("acme", "0 6 * * *")));
    // 06:00 in Berlin in winter is 05:00 UTC
    Clock clock = Clock.fixed(Instant.parse("2026-02-01T05:00:00Z"), ZoneOffset.UTC);

    List<DueReport> due = schedule.due(Instant.parse("2026-02-01T04:00:00Z"), clock);

    assertThat(due).hasSize(1);
    DueReport report = due.get(0);
    assertThat(report.firesAt()).isEqualTo(Instant.parse("2026-02-01T05:00:00Z"));
    assertThat(report.period()).isEqualTo("2026-01-31");
    assertThat(report.periodStart()).isEqualTo(Instant.parse("2026-01-30T23:00:00Z"));
    assertThat(report.periodEnd()).isEqualTo(Instant.parse("2026-01-31T23:00:00Z"));
  }

  @Test
  void nothingIsDueBeforeTheCronTimeNorTwiceForOneTime() {
    ReportSchedule schedule = new ReportSchedule(List.of(daily("acme", "0 6 * * *")));
    assertThat(
            schedule.dueBetween(
                Instant.parse("2026-02-01T04:00:00Z"), Instant.parse("2026-02-01T04:59:59Z")))
        .isEmpty();
    // the last check was exactly at the cron time: it was due then, not again now
    assertThat(
            schedule.dueBetween(
                Instant.parse("2026-02-01T05:00:00Z"), Instant.parse("2026-02-01T09:00:00Z")))
        .isEmpty();
    assertThat(
            schedule.dueBetween(
                Instant.parse("2026-02-01T09:00:00Z"), Instant.parse("2026-02-01T09:00:00Z")))
        .isEmpty();
  }

  @Test
  void theMonthEndPackOnTheFirstCoversThePreviousMonth() {
    ReportSchedule schedule =
        new ReportSchedule(List.of(monthEnd("acme", "30 7 1 * *"), daily("globex", "0 6 * * 1-5")));

    List<DueReport> due =
        schedule.dueBetween(
            Instant.parse("2026-02-28T12:00:00Z"), Instant.parse("2026-03-02T12:00:00Z"));

    // 1 March 2026 is a Sunday: no daily report for globex then, one on Monday 2 March
    assertThat(due)
        .extracting(d -> d.schedule().tenant() + " " + d.period())
        .containsExactly("acme 2026-02", "globex 2026-03-01");
    assertThat(due.get(0).periodStart()).isEqualTo(Instant.parse("2026-01-31T23:00:00Z"));
    assertThat(due.get(0).periodEnd()).isEqualTo(Instant.parse("2026-02-28T23:00:00Z"));
  }

  @Test
  void afterDowntimeOnlyTheLatestMissedRunsAreMadeUp() {
    ReportSchedule schedule = new ReportSchedule(List.of(daily("acme", "0 6 * * *")));

    List<DueReport> due =
        schedule.dueBetween(
            Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2026-02-01T12:00:00Z"));

    assertThat(due).hasSize(ReportSchedule.MAX_CATCH_UP);
    assertThat(due.get(due.size() - 1).period()).isEqualTo("2026-01-31");
    assertThat(due.get(0).period()).isEqualTo("2026-01-01");
  }

  @Test
  void daylightSavingTimeDoesNotMoveTheLocalTime() {
    ReportSchedule schedule = new ReportSchedule(List.of(daily("acme", "0 6 * * *")));
    List<DueReport> due =
        schedule.dueBetween(
            Instant.parse("2026-03-28T00:00:00Z"), Instant.parse("2026-03-30T12:00:00Z"));
    assertThat(due)
        .extracting(DueReport::firesAt)
        .containsExactly(
            Instant.parse("2026-03-28T05:00:00Z"),
            Instant.parse("2026-03-29T04:00:00Z"),
            Instant.parse("2026-03-30T04:00:00Z"));
    assertThat(schedule.nextAfter(Instant.parse("2026-03-30T04:00:00Z")))
        .contains(Instant.parse("2026-03-31T04:00:00Z"));
  }

  @Test
  void aBadExpressionIsRefusedNamingTheReport() {
    assertThatThrownBy(() -> new ReportSchedule(List.of(daily("acme", "61 6 * * *"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'61 6 * * *'")
        .hasMessageContaining("acme DAILY");
    assertThatThrownBy(() -> new ReportSchedule(List.of(daily("acme", " "))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReportSchedule(List.of(daily("acme", "0 ".repeat(200)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too long");
    assertThatThrownBy(
            () ->
                new ScheduledReport(
                    "acme",
                    ReportKind.DAILY,
                    "0 6 * * *",
                    BERLIN,
                    EnumSet.noneOf(ReportFormat.class),
                    List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
