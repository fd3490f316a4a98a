package dev.recon.app.cli;

import dev.recon.app.platform.ConfigResolution;
import dev.recon.app.platform.Platform;
import dev.recon.ledger.archive.ArchiveOutcome;
import dev.recon.ledger.archive.ArchivePolicy;
import dev.recon.ledger.archive.LedgerArchive;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code recon archive}: exports a closed month of the ledger to verified files and detaches its
 * partitions, as the database owner. Balances stay exact through the daily snapshots.
 */
@Command(
    name = "archive",
    mixinStandardHelpOptions = true,
    description = {
      "Archive a closed month of the ledger: journal entries, postings and daily balances to gzip"
          + " CSV with a SHA-256 manifest, verified against the database, then its partitions"
          + " detached and dropped (or kept detached with --keep-detached).",
      "Refuses a month that ended less than --min-age-months ago, one already archived, or one"
          + " whose files already exist."
    })
final class ArchiveCommand implements Callable<Integer> {

  @Option(names = "--month", required = true, paramLabel = "YYYY-MM", description = "the month")
  YearMonth month;

  @Option(names = "--dir", required = true, paramLabel = "DIR", description = "archive folder")
  Path dir;

  @Option(
      names = "--min-age-months",
      defaultValue = "" + ArchivePolicy.DEFAULT_MIN_AGE_MONTHS,
      description =
          "whole months that must have passed since the month ended (default: ${DEFAULT-VALUE})")
  int minAgeMonths;

  @Option(names = "--keep-detached", description = "keep the detached partitions as tables")
  boolean keepDetached;

  @Mixin PlatformOptions platform;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (minAgeMonths < ArchivePolicy.MIN_AGE_MONTHS) {
      err.println("error: --min-age-months must be at least " + ArchivePolicy.MIN_AGE_MONTHS);
      return ExitCodes.USAGE;
    }
    ConfigResolution resolution =
        platform.resolve(System.getenv(), Optional.of(MigrateCommand.DEFAULT_DATA_DIR));
    if (!resolution.isValid()) {
      resolution.errors().forEach(e -> err.println("error: " + e));
      return ExitCodes.USAGE;
    }
    try (Platform p = PlatformLauncher.start(resolution.config())) {
      ArchiveOutcome outcome =
          LedgerArchive.archiveMonth(
              p.ownerDataSource(),
              month,
              dir,
              new ArchivePolicy(minAgeMonths, keepDetached, Clock.systemUTC()));
      if (outcome instanceof ArchiveOutcome.Archived archived) {
        out.println(
            "archived "
                + month
                + ": manifest "
                + archived.manifestFile()
                + " (sha256 "
                + archived.manifestSha256()
                + ")");
        return ExitCodes.OK;
      }
      ArchiveOutcome.Refused refused = (ArchiveOutcome.Refused) outcome;
      err.println(
          "error: " + month + " not archived: " + refused.reason() + ": " + refused.detail());
      return ExitCodes.COULD_NOT_RUN;
    }
  }
}
