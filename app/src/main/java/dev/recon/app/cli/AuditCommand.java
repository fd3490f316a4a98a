package dev.recon.app.cli;

import dev.recon.app.platform.ConfigResolution;
import dev.recon.app.platform.Platform;
import dev.recon.reporting.casework.audit.AuditTrail;
import dev.recon.reporting.casework.audit.ChainVerification;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code recon audit verify}: recomputes each tenant's audit hash chain. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "verify: recompute the hash chain of the audit trail of each tenant (every user and system"
          + " action, append-only) and name the first event that does not link.",
      "Exit 0 when every chain verifies, 1 when one is broken."
    })
final class AuditCommand implements Callable<Integer> {

  @CommandLine.Parameters(index = "0", paramLabel = "verify", description = "the action")
  String action;

  @Option(
      names = "--tenant",
      required = true,
      split = ",",
      description = "tenant(s) whose trail to verify")
  List<String> tenants;

  @Mixin PlatformOptions platform;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!"verify".equals(action)) {
      err.println("error: unknown action '" + action + "'; known: verify");
      return ExitCodes.USAGE;
    }
    ConfigResolution resolution =
        platform.resolve(System.getenv(), Optional.of(MigrateCommand.DEFAULT_DATA_DIR));
    if (!resolution.isValid()) {
      resolution.errors().forEach(e -> err.println("error: " + e));
      return ExitCodes.USAGE;
    }
    boolean allIntact = true;
    try (Platform p = PlatformLauncher.start(resolution.config())) {
      AuditTrail trail = new AuditTrail(p.database().appDataSource(), Clock.systemUTC());
      for (String tenant : tenants) {
        ChainVerification v = trail.verify(tenant);
        out.println(v.describe());
        allIntact &= v.intact();
      }
    }
    return allIntact ? ExitCodes.OK : ExitCodes.COULD_NOT_RUN;
  }
}
