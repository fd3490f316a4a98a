package dev.recon.app.reports;

import dev.recon.ingestion.schedule.TaskLeases;
import dev.recon.ingestion.secret.SecretResolver;
import dev.recon.reporting.delivery.DeliveryReceipt;
import dev.recon.reporting.delivery.EmailDelivery;
import dev.recon.reporting.delivery.ReportDelivery;
import dev.recon.reporting.delivery.ReportDestination;
import dev.recon.reporting.delivery.ReportJobs;
import dev.recon.reporting.export.AnalystDatasets;
import dev.recon.reporting.export.DatasetExporter;
import dev.recon.reporting.export.ExportLimits;
import dev.recon.reporting.export.ExportRun;
import dev.recon.reporting.export.destination.ExportTarget;
import dev.recon.reporting.monthend.MonthEndPackQueries;
import dev.recon.reporting.monthend.OpenItems;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Puts a {@link ReportsPlan} to work in {@code recon run}: daily reports rebuilt from the casework
 * store and the ledger ({@link CaseworkDailyRuns}, rendered as a bounded run's report), month-end
 * packs from the ledger and the casework store (as {@code recon report month-end} renders them),
 * exports as {@code recon export} writes them, progress in the database.
 */
public final class ReportScheduling {

  private ReportScheduling() {}

  /**
   * Starts the scheduler thread (none when the plan is empty); close the result on shutdown.
   *
   * @param app a login of the application role
   */
  public static ReportScheduler start(
      ReportsPlan plan, DataSource app, SecretResolver secrets, MeterRegistry meters, Clock clock) {
    ReportScheduler scheduler =
        create(plan, app, secrets, meters, clock, Optional.of(new TaskLeases(app)));
    scheduler.start();
    return scheduler;
  }

  /** The scheduler without its thread: each {@link ReportScheduler#wakeUp} is one pass. */
  public static ReportScheduler create(
      ReportsPlan plan,
      DataSource app,
      SecretResolver secrets,
      MeterRegistry meters,
      Clock clock,
      Optional<TaskLeases> leases) {
    MonthEndPackQueries monthEnd = new MonthEndPackQueries(app);
    OpenItems openItems = new CaseworkOpenItems(app);
    CaseworkDailyRuns dailyRuns = new CaseworkDailyRuns(app);
    ReportDestination destination =
        plan.destination().map(StorageLocation::reportDestination).orElse(null);
    ReportScheduler.ReportDeliveries deliveries =
        due -> {
          // the mail password is resolved per delivery, so a rotation needs no restart
          Optional<EmailDelivery> email =
              plan.smtp()
                  .map(
                      s ->
                          new EmailDelivery(
                              s.settings(secrets),
                              EmailDelivery.DEFAULT_MAX_ATTACHMENT_BYTES,
                              clock));
          DeliveryReceipt receipt =
              new ReportJobs(monthEnd, openItems, new ReportDelivery(destination, email))
                  .run(due, dailyRuns::of);
          return receipt.storedAt().size()
              + " file(s) stored"
              + receipt
                  .email()
                  .map(m -> ", mailed to " + m.recipients().size() + " recipient(s)")
                  .orElse("");
        };
    ExportTarget target = plan.exports().map(e -> e.to().exportTarget()).orElse(null);
    ReportScheduler.TenantExports exports =
        tenant -> {
          var e = plan.exports().orElseThrow();
          ExportRun run =
              new DatasetExporter(app, clock, ExportLimits.DEFAULT)
                  .run(tenant, AnalystDatasets.byNames(e.datasets()), e.formats(), target);
          return run.written().size()
              + " dataset(s) written, "
              + run.unchanged().size()
              + " with nothing new";
        };
    return new ReportScheduler(
        plan.reports(),
        plan.exports(),
        deliveries,
        exports,
        new OffsetProgressStore(app),
        meters,
        clock,
        leases);
  }
}
