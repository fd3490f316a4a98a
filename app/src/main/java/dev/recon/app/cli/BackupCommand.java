package dev.recon.app.cli;

import dev.recon.app.platform.ConfigResolution;
import dev.recon.app.platform.Platform;
import dev.recon.ingestion.store.IngestionDatabase;
import dev.recon.ledger.backup.BackupLimits;
import dev.recon.ledger.backup.BackupOutcome;
import dev.recon.ledger.backup.LedgerBackup;
import dev.recon.reporting.access.AccessDatabase;
import dev.recon.reporting.casework.CaseworkDatabase;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code recon backup}: a consistent logical backup of every recon schema. */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = {
      "Back up the ledger, casework, access and ingestion schemas in one consistent snapshot: one"
          + " gzip CSV file per table and a manifest.json (PostgreSQL and schema versions, row"
          + " counts, SHA-256 per file, the ledger's check figures). Needs the owner login.",
      "Restore with `recon restore --dir DIR`, then check with `recon verify-ledger --dir DIR`."
    })
final class BackupCommand implements Callable<Integer> {
  /** Schemas backed up beside the ledger's. */
  static final List<String> OTHER_SCHEMAS =
      List.of(CaseworkDatabase.SCHEMA, AccessDatabase.SCHEMA, IngestionDatabase.SCHEMA);

  @Option(names = "--dir", required = true, paramLabel = "DIR", description = "an empty folder")
  Path dir;

  @Mixin PlatformOptions platform;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ConfigResolution resolution =
        platform.resolve(System.getenv(), Optional.of(MigrateCommand.DEFAULT_DATA_DIR));
    if (!resolution.isValid()) {
      resolution.errors().forEach(e -> err.println("error: " + e));
      return ExitCodes.USAGE;
    }
    try (Platform p = PlatformLauncher.start(resolution.config())) {
      BackupOutcome outcome =
          LedgerBackup.write(p.ownerDataSource(), dir, OTHER_SCHEMAS, BackupLimits.standard());
      if (outcome instanceof BackupOutcome.Refused r) {
        err.println("error: no backup: " + r.reason() + ": " + r.detail());
        return ExitCodes.COULD_NOT_RUN;
      }
      out.println("backup written: " + ((BackupOutcome.Written) outcome).manifestFile());
      return ExitCodes.OK;
    }
  }
}
