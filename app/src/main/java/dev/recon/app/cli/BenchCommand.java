package dev.recon.app.cli;

import dev.recon.app.platform.ConfigResolution;
import dev.recon.app.platform.Platform;
import dev.recon.ledger.bench.LedgerBenchmark;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code recon bench ...}: throughput benchmarks against the real components. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks. Speed targets live here, never in timed tests.",
    subcommands = {BenchCommand.Ledger.class})
final class BenchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code recon bench ledger}: the ledger write path against a raw COPY of the same rows. */
  @Command(
      name = "ledger",
      mixinStandardHelpOptions = true,
      description = {
        "Write N postings through the ledger's real write path (RLS, triggers, partitions,"
            + " idempotent ids) and, on the same database, COPY the same rows into an unconstrained"
            + " table; print postings/s for both and their ratio.",
        "Runs on a throw-away embedded PostgreSQL unless --db-url is given."
      })
  static final class Ledger implements Callable<Integer> {
    /** Keeps a mistyped count from filling a disk. */
    static final int MAX_POSTINGS = 50_000_000;

    @Option(
        names = "--postings",
        defaultValue = "1000000",
        description = "number of postings (default: ${DEFAULT-VALUE})")
    int postings;

    @Mixin PlatformOptions platform;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      if (postings < 2 || postings > MAX_POSTINGS || postings % 2 != 0) {
        err.println("error: --postings must be an even number between 2 and " + MAX_POSTINGS);
        return ExitCodes.USAGE;
      }
      ConfigResolution resolution = platform.resolve(System.getenv(), Optional.empty());
      if (!resolution.isValid()) {
        resolution.errors().forEach(e -> err.println("error: " + e));
        return ExitCodes.USAGE;
      }
      try (Platform p = PlatformLauncher.start(resolution.config())) {
        LedgerBenchmark.run(
            p.database().ownerDataSource(), p.database().appDataSource(), postings, out);
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
