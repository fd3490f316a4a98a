package dev.recon.app.cli;

import dev.recon.app.platform.ConfigResolution;
import dev.recon.app.platform.DatabaseEndpoints;
import dev.recon.app.platform.Platform;
import dev.recon.ingestion.store.IngestionDatabase;
import dev.recon.ledger.backup.BackupLimits;
import dev.recon.ledger.backup.LedgerRestore;
import dev.recon.ledger.backup.RestoreOutcome;
import dev.recon.ledger.db.LedgerDatabase;
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

/** {@code recon restore}: a backup into an empty database, every integrity trigger active. */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = {
      "Restore a `recon backup` folder into an empty (or freshly migrated) database in one"
          + " transaction: refuses a changed file (SHA-256), a database that holds rows, a newer"
          + " schema version; books entries with their postings and reversals after what they"
          + " reverse, so the ledger's own checks accept it; compares the counts and check figures"
          + " before COMMIT. Then run `recon verify-ledger --dir DIR`."
    })
final class RestoreCommand implements Callable<Integer> {

  @Option(names = "--dir", required = true, paramLabel = "DIR", description = "a backup folder")
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
    // The platform starts with its schemas migrated and empty: that is the restore's target.
    try (Platform p = PlatformLauncher.start(resolution.config())) {
      RestoreOutcome outcome =
          LedgerRestore.restore(
              p.ownerDataSource(),
              dir,
              List.of(
                  CaseworkDatabase::migrate, AccessDatabase::migrate, IngestionDatabase::migrate),
              BackupLimits.standard());
      if (outcome instanceof RestoreOutcome.Refused r) {
        err.println("error: not restored: " + r.reason() + ": " + r.detail());
        return ExitCodes.COULD_NOT_RUN;
      }
      DatabaseEndpoints db = p.database();
      if (db.appPassword() != null) {
        LedgerDatabase.provisionAppLogin(
            p.ownerDataSource(), db.appUser(), db.appPassword().toCharArray());
      }
      out.println("restored " + ((RestoreOutcome.Restored) outcome).rows() + " rows from " + dir);
      return ExitCodes.OK;
    }
  }
}
