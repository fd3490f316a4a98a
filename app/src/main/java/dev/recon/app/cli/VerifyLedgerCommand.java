package dev.recon.app.cli;

import dev.recon.app.platform.ConfigResolution;
import dev.recon.app.platform.Platform;
import dev.recon.ledger.backup.BackupManifest;
import dev.recon.ledger.backup.Difference;
import dev.recon.ledger.backup.LedgerBackup;
import dev.recon.ledger.backup.LedgerFigures;
import dev.recon.ledger.backup.RestoreVerification;
import dev.recon.ledger.backup.VerificationReport;
import dev.recon.reporting.casework.audit.AuditTrail;
import dev.recon.reporting.casework.audit.ChainVerification;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code recon verify-ledger}: the check every restore ends with. */
@Command(
    name = "verify-ledger",
    mixinStandardHelpOptions = true,
    description = {
      "Through the application role, tenant by tenant: every journal entry balances per"
          + " currency, and the trial balance, the entry, posting and account counts and the"
          + " digests over entries and postings equal the backup's manifest (--dir) or, after a"
          + " pg_restore or point-in-time recovery, the owner's view of the same database; each"
          + " tenant's audit hash chain verifies. Lists every difference; exit 1 if any."
    })
final class VerifyLedgerCommand implements Callable<Integer> {

  @Option(names = "--dir", paramLabel = "DIR", description = "the backup the ledger came from")
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
      LedgerFigures expected;
      if (dir != null) {
        BackupManifest.ReadResult read = BackupManifest.read(dir);
        if (read.problem() != null) {
          err.println("error: " + dir + ": " + read.problem());
          return ExitCodes.USAGE;
        }
        expected = read.manifest().ledger();
      } else {
        expected = LedgerBackup.figures(p.ownerDataSource());
      }
      AuditTrail audit = new AuditTrail(p.database().appDataSource(), Clock.systemUTC());
      VerificationReport report =
          RestoreVerification.verify(
              p.database().appDataSource(),
              expected,
              figures -> {
                List<Difference> broken = new ArrayList<>();
                figures
                    .tenants()
                    .forEach(
                        t -> {
                          ChainVerification v = audit.verify(t.tenantId());
                          if (!v.intact()) {
                            broken.add(
                                new Difference(
                                    t.tenantId(),
                                    Difference.Check.EXTRA,
                                    "audit chain",
                                    "intact",
                                    v.describe()));
                          }
                        });
                return broken;
              });
      report.differences().forEach(d -> out.println("DIFFERENCE " + d));
      out.println(
          report.tenantsChecked()
              + " tenant(s) checked: "
              + (report.matches() ? "the ledger matches" : "the ledger DIFFERS"));
      return report.matches() ? ExitCodes.OK : ExitCodes.COULD_NOT_RUN;
    }
  }
}
