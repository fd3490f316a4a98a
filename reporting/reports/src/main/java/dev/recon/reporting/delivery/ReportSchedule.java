package dev.recon.reporting.delivery;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides which reports are due, purely: given when the scheduler last looked and the clock, every
 * cron time in between of every configured report. Each due report covers the last complete period
 * before its cron time in its zone: a daily report that fires on 1 Feb at 06:00 covers 31 Jan, a
 * month-end pack that fires on 1 Feb covers January. After downtime, at most {@link #MAX_CATCH_UP}
 * missed runs per report are made up, the latest ones.
 */
public final class ReportSchedule {

  public static final int MAX_SCHEDULES = 1_000;
  public static final int MAX_CATCH_UP = 31;
  public static final int MAX_EXPRESSION_CHARS = 256;

  private static final CronParser PARSER =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  private record Entry(ScheduledReport report, ExecutionTime times) {}

  private final List<Entry> entries;

  /**
   * @throws IllegalArgumentException naming a schedule whose cron expression is invalid
   */
  public ReportSchedule(List<ScheduledReport> reports) {
    if (reports.size() > MAX_SCHEDULES) {
      throw new IllegalArgumentException("at most " + MAX_SCHEDULES + " scheduled reports");
    }
    List<Entry> parsed = new ArrayList<>();
    for (ScheduledReport report : reports) {
      parsed.add(new Entry(report, parse(report)));
    }
    this.entries = List.copyOf(parsed);
  }

  private static ExecutionTime parse(ScheduledReport report) {
    String cron = report.cron().strip();
    if (cron.isEmpty() || cron.length() > MAX_EXPRESSION_CHARS) {
      throw new IllegalArgumentException(
          "cron expression of " + report.tenant() + " " + report.kind() + " is empty or too long");
    }
    try {
      var parsed = PARSER.parse(cron);
      parsed.validate();
      return ExecutionTime.forCron(parsed);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "cron expression '"
              + cron
              + "' of "
              + report.tenant()
              + " "
              + report.kind()
              + " is invalid: "
              + e.getMessage(),
          e);
    }
  }

  /** Reports whose cron time lies in (lastChecked, now of the clock], by time then tenant. */
  public List<DueReport> due(Instant lastChecked, Clock clock) {
    return dueBetween(lastChecked, clock.instant());
  }

  /** Reports whose cron time lies in (after, upTo], by time then tenant. */
  public List<DueReport> dueBetween(Instant after, Instant upTo) {
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(upTo, "upTo");
    List<DueReport> due = new ArrayList<>();
    if (!after.isBefore(upTo)) {
      return due;
    }
    for (Entry entry : entries) {
      Deque<Instant> times = new ArrayDeque<>();
      ZonedDateTime cursor = after.atZone(entry.report().zone());
      while (true) {
        Optional<ZonedDateTime> next = entry.times().nextExecution(cursor);
        if (next.isEmpty() || next.get().toInstant().isAfter(upTo)) {
          break;
        }
        times.addLast(next.get().toInstant());
        if (times.size() > MAX_CATCH_UP) {
          times.removeFirst();
        }
        cursor = next.get();
      }
      for (Instant time : times) {
        due.add(dueAt(entry.report(), time));
      }
    }
    due.sort(
        Comparator.comparing(DueReport::firesAt)
            .thenComparing(d -> d.schedule().tenant())
            .thenComparing(d -> d.schedule().kind()));
    return due;
  }

  /** The next cron time after {@code after} over all reports, if any will ever fire. */
  public Optional<Instant> nextAfter(Instant after) {
    return entries.stream()
        .map(e -> e.times().nextExecution(after.atZone(e.report().zone())))
        .flatMap(Optional::stream)
        .map(ZonedDateTime::toInstant)
        .min(Comparator.naturalOrder());
  }

  /** The report due at a cron time: the last complete period before it, in the report's zone. */
  public static DueReport dueAt(ScheduledReport report, Instant firesAt) {
    ZonedDateTime local = firesAt.atZone(report.zone());
    if (report.kind() == ReportKind.DAILY) {
      LocalDate day = local.toLocalDate().minusDays(1);
      return new DueReport(
          report,
          firesAt,
          day.toString(),
          day.atStartOfDay(report.zone()).toInstant(),
          day.plusDays(1).atStartOfDay(report.zone()).toInstant());
    }
    YearMonth month = YearMonth.from(local).minusMonths(1);
    return new DueReport(
        report,
        firesAt,
        month.toString(),
        month.atDay(1).atStartOfDay(report.zone()).toInstant(),
        month.plusMonths(1).atDay(1).atStartOfDay(report.zone()).toInstant());
  }
}
