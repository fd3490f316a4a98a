package dev.recon.app.cli;

import dev.recon.app.platform.ConfigResolution;
import dev.recon.app.platform.Platform;
import dev.recon.app.reports.StorageLocation;
import dev.recon.reporting.export.AnalystDatasets;
import dev.recon.reporting.export.DatasetExporter;
import dev.recon.reporting.export.ExportFormat;
import dev.recon.reporting.export.ExportLimits;
import dev.recon.reporting.export.ExportManifest;
import dev.recon.reporting.export.ExportRun;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code recon export}: incremental analyst exports of a tenant's ledger and casework. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Export a tenant's journal entries, postings, matches, exceptions and resolutions as"
          + " Parquet and/or CSV under <dataset>/tenant=<t>/date=<yyyy-mm-dd>/ in a folder or S3,"
          + " with a manifest per run (row counts, SHA-256 per file) written last.",
      "Incremental: each run exports what was booked or stored since the last run's watermark;"
          + " a run with nothing new writes nothing."
    })
final class ExportCommand implements Callable<Integer> {

  @Option(names = "--tenant", required = true, description = "the tenant")
  String tenant;

  @Option(
      names = "--dataset",
      split = ",",
      paramLabel = "NAME",
      description =
          "datasets (default: all of journal_entries,postings,matches,exceptions,resolutions)")
  List<String> datasets;

  @Option(
      names = "--format",
      split = ",",
      defaultValue = "parquet",
      paramLabel = "parquet|csv",
      description = "file formats (default: ${DEFAULT-VALUE})")
  List<String> formats;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "DIR|s3://BUCKET/PREFIX",
      description = "where the files go")
  String to;

  @Option(names = "--s3-endpoint", paramLabel = "URL", description = "S3-compatible endpoint")
  URI s3Endpoint;

  @Option(
      names = "--region",
      defaultValue = StorageLocation.DEFAULT_REGION,
      description = "AWS region")
  String region;

  @Mixin PlatformOptions platform;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    StorageLocation destination;
    try {
      destination = ExportTargets.location(to, s3Endpoint, region);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    Set<ExportFormat> fileFormats = EnumSet.noneOf(ExportFormat.class);
    try {
      formats.forEach(
          f -> fileFormats.add(ExportFormat.valueOf(f.trim().toUpperCase(Locale.ROOT))));
    } catch (IllegalArgumentException e) {
      err.println("error: --format: one of parquet, csv");
      return ExitCodes.USAGE;
    }
    List<String> names = datasets == null ? AnalystDatasets.names() : datasets;
    ConfigResolution resolution =
        platform.resolve(System.getenv(), Optional.of(MigrateCommand.DEFAULT_DATA_DIR));
    if (!resolution.isValid()) {
      resolution.errors().forEach(e -> err.println("error: " + e));
      return ExitCodes.USAGE;
    }
    try (Platform p = PlatformLauncher.start(resolution.config())) {
      ExportRun run =
          new DatasetExporter(p.database().appDataSource(), Clock.systemUTC(), ExportLimits.DEFAULT)
              .run(tenant, AnalystDatasets.byNames(names), fileFormats, destination.exportTarget());
      for (ExportManifest m : run.written()) {
        out.println(
            m.dataset()
                + ": "
                + m.rows()
                + " rows in "
                + m.files().size()
                + " file(s)"
                + (m.complete() ? "" : " (more to export: run again)"));
      }
      run.unchanged().forEach(d -> out.println(d + ": nothing new"));
      return ExitCodes.OK;
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return ExitCodes.USAGE;
    }
  }
}
