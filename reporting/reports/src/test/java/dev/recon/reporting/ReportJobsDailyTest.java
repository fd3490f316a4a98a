package dev.recon.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.reporting.delivery.DeliveryReceipt;
import dev.recon.reporting.delivery.DueReport;
import dev.recon.reporting.delivery.FolderDestination;
import dev.recon.reporting.delivery.ReportDelivery;
import dev.recon.reporting.delivery.ReportJobs;
import dev.recon.reporting.delivery.ReportKind;
import dev.recon.reporting.delivery.ReportSchedule;
import dev.recon.reporting.delivery.ScheduledReport;
import dev.recon.reporting.monthend.MonthEndPackQueries;
import dev.recon.reporting.render.ReportFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportJobsDailyTest {

  @Test
  void aDueDailyReportIsRenderedAndStoredForItsPeriod(@TempDir Path root) throws Exception {
    ReportJobs jobs =
        new ReportJobs(
            // the daily report never touches the ledger's month-end queries
            new MonthEndPackQueries(new org.postgresql.ds.PGSimpleDataSource()),
            (tenant, at, limit) -> List.of(),
            new ReportDelivery(new FolderDestination(root), Optional.empty()));
    ScheduledReport schedule =
        new ScheduledReport(
            Fixtures.TENANT,
            ReportKind.DAILY,
            "0 6 * * *",
            ZoneId.of("Europe/Berlin"),
            EnumSet.of(ReportFormat.PDF, ReportFormat.XLSX, ReportFormat.CSV),
            List.of());
    DueReport due = ReportSchedule.dueAt(schedule, Instant.parse("2026-01-31T05:00:00Z"));

    DeliveryReceipt receipt = jobs.run(due, d -> Fixtures.sampleRun());

    Path folder = root.resolve("acme/daily/2026-01-30");
    assertThat(receipt.storedAt()).hasSize(2 + 9);
    assertThat(folder.resolve("report.pdf")).exists();
    assertThat(Files.readAllBytes(folder.resolve("report.xlsx"))).startsWith('P', 'K');
    assertThat(Files.readString(folder.resolve("report-exceptions.csv")))
        .startsWith("exception_id,reason,record_kind,record_id,amount,currency,at_risk");
    assertThat(folder.resolve("report.html")).doesNotExist();
  }
}
