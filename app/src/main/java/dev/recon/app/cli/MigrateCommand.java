package dev.recon.app.cli;

import dev.recon.app.platform.ConfigResolution;
import dev.recon.app.platform.Platform;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code recon migrate}: apply the ledger's and the connectors' database migrations. */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description =
        "Apply the ledger's and the connectors' database migrations and provision the application login.")
final class MigrateCommand implements Callable<Integer> {
  static final Path DEFAULT_DATA_DIR = Path.of("recon-data");

  @Mixin PlatformOptions platform;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    ConfigResolution resolution = platform.resolve(System.getenv(), Optional.of(DEFAULT_DATA_DIR));
    if (!resolution.isValid()) {
      resolution.errors().forEach(e -> spec.commandLine().getErr().println("error: " + e));
      return ExitCodes.USAGE;
    }
    try (Platform p = PlatformLauncher.start(resolution.config())) {
      spec.commandLine().getOut().println("migrated: " + p.database());
    }
    return ExitCodes.OK;
  }
}
