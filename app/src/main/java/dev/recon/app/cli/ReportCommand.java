package dev.recon.app.cli;

import dev.recon.app.platform.ConfigResolution;
import dev.recon.app.platform.Platform;
import dev.recon.app.reports.CaseworkOpenItems;
import dev.recon.reporting.delivery.FolderDestination;
import dev.recon.reporting.delivery.ReportBundle;
import dev.recon.reporting.monthend.MonthEndPack;
import dev.recon.reporting.monthend.MonthEndPackQueries;
import dev.recon.reporting.monthend.MonthEndReport;
import dev.recon.reporting.render.ReportDocument;
import dev.recon.reporting.render.ReportFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code recon report month-end}: the month-end pack of a tenant, on demand. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Write the month-end pack of a tenant (trial balance at month end, open items with ageing,"
          + " write-offs booked in the month, fees per PSP) as HTML, PDF, XLSX and/or CSV under"
          + " DIR/<tenant>/month-end/<YYYY-MM>/.",
      "The daily reconciliation report is written by every `recon reconcile` run (report.html;"
          + " --report-formats adds PDF, XLSX and CSV)."
    })
final class ReportCommand implements Callable<Integer> {

  @CommandLine.Parameters(index = "0", paramLabel = "month-end", description = "the report")
  String report;

  @Option(names = "--tenant", required = true, description = "the tenant")
  String tenant;

  @Option(names = "--month", required = true, paramLabel = "YYYY-MM", description = "the month")
  YearMonth month;

  @Option(
      names = "--format",
      defaultValue = "html,pdf,xlsx",
      paramLabel = "LIST",
      description = "comma-separated html,pdf,xlsx,csv (default: ${DEFAULT-VALUE})")
  String formats;

  @Option(
      names = "--out",
      defaultValue = "recon-out",
      paramLabel = "DIR",
      description = "folder (default: ${DEFAULT-VALUE})")
  Path out;

  @Mixin PlatformOptions platform;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!"month-end".equals(report)) {
      err.println("error: unknown report '" + report + "'; known: month-end");
      return ExitCodes.USAGE;
    }
    Set<ReportFormat> wanted;
    try {
      wanted = ReportFormat.parseList(formats);
    } catch (IllegalArgumentException e) {
      err.println("error: --format: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    ConfigResolution resolution =
        platform.resolve(System.getenv(), Optional.of(MigrateCommand.DEFAULT_DATA_DIR));
    if (!resolution.isValid()) {
      resolution.errors().forEach(e -> err.println("error: " + e));
      return ExitCodes.USAGE;
    }
    try (Platform p = PlatformLauncher.start(resolution.config())) {
      var app = p.database().appDataSource();
      MonthEndPack pack =
          new MonthEndPackQueries(app).pack(tenant, month, new CaseworkOpenItems(app));
      List<ReportDocument> documents = new MonthEndReport(pack).render(wanted);
      List<String> stored =
          new FolderDestination(out)
              .store(new ReportBundle(tenant, "month-end", month.toString(), documents));
      stored.forEach(s -> stdout.println("wrote " + s));
      stdout.println(
          "trial balance " + (pack.balanced() ? "balances" : "DOES NOT BALANCE") + " at month end");
      return pack.balanced() ? ExitCodes.OK : ExitCodes.COULD_NOT_RUN;
    }
  }
}
