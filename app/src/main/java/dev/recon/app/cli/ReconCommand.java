package dev.recon.app.cli;

import dev.recon.app.observability.ProcessMetrics;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code recon} executable. */
@Command(
    name = "recon",
    mixinStandardHelpOptions = true,
    versionProvider = ReconCommand.Version.class,
    description = "PSP reconciliation and double-entry ledger on Kafka, Flink and PostgreSQL.",
    subcommands = {
      DemoCommand.class,
      RunCommand.class,
      ReconcileCommand.class,
      InspectCommand.class,
      MigrateCommand.class,
      ArchiveCommand.class,
      BenchCommand.class,
      ReportCommand.class,
      AuditCommand.class,
      ExportCommand.class,
      EvidenceCommand.class,
      BackupCommand.class,
      RestoreCommand.class,
      VerifyLedgerCommand.class,
      SubmitCommand.class,
      CommandLine.HelpCommand.class
    })
public final class ReconCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  public static int execute(String... args) {
    // the process registry joins Micrometer's global one before anything counts into it
    ProcessMetrics.registry();
    return new CommandLine(new ReconCommand())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .execute(args);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = ReconCommand.class.getPackage().getImplementationVersion();
      return new String[] {"recon " + (v == null ? "development build" : v)};
    }
  }
}
