package dev.recon.reporting.delivery;

import dev.recon.reporting.ReconciliationRun;
import dev.recon.reporting.monthend.MonthEndPack;
import dev.recon.reporting.monthend.MonthEndPackQueries;
import dev.recon.reporting.monthend.MonthEndReport;
import dev.recon.reporting.monthend.OpenItems;
import dev.recon.reporting.render.DailyReport;
import dev.recon.reporting.render.ReportFormat;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Renders and delivers reports, on demand ({@code recon report}) or when a {@link ReportSchedule}
 * says they are due ({@code recon run}).
 */
public final class ReportJobs {

  private final MonthEndPackQueries monthEndQueries;
  private final OpenItems openItems;
  private final ReportDelivery delivery;

  public ReportJobs(
      MonthEndPackQueries monthEndQueries, OpenItems openItems, ReportDelivery delivery) {
    this.monthEndQueries = Objects.requireNonNull(monthEndQueries, "monthEndQueries");
    this.openItems = Objects.requireNonNull(openItems, "openItems");
    this.delivery = Objects.requireNonNull(delivery, "delivery");
  }

  /** The daily report of a run, stored as {@code <tenant>/daily/<period>/report.*}. */
  public DeliveryReceipt daily(
      ReconciliationRun run, String period, Set<ReportFormat> formats, List<String> recipients)
      throws IOException, MessagingException {
    ReportBundle bundle =
        new ReportBundle(
            run.tenant(),
            ReportKind.DAILY.folderName(),
            period,
            new DailyReport(run).render(formats));
    return delivery.deliver(bundle, recipients);
  }

  /** The month-end pack, stored as {@code <tenant>/month-end/<yyyy-MM>/month-end-<yyyy-MM>.*}. */
  public DeliveryReceipt monthEnd(
      String tenant, YearMonth month, Set<ReportFormat> formats, List<String> recipients)
      throws IOException, MessagingException {
    MonthEndPack pack = monthEndQueries.pack(tenant, month, openItems);
    ReportBundle bundle =
        new ReportBundle(
            tenant,
            ReportKind.MONTH_END.folderName(),
            month.toString(),
            new MonthEndReport(pack).render(formats));
    return delivery.deliver(bundle, recipients);
  }

  /**
   * Produces a report the schedule asked for.
   *
   * @param dailyRuns the reconciliation run a daily report covers (the application reads it from
   *     the casework store or runs the bounded reconciliation)
   */
  public DeliveryReceipt run(DueReport due, Function<DueReport, ReconciliationRun> dailyRuns)
      throws IOException, MessagingException {
    ScheduledReport s = due.schedule();
    if (s.kind() == ReportKind.DAILY) {
      return daily(dailyRuns.apply(due), due.period(), s.formats(), s.recipients());
    }
    return monthEnd(s.tenant(), YearMonth.parse(due.period()), s.formats(), s.recipients());
  }
}
