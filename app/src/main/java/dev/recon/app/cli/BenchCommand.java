package dev.recon.app.cli;

import dev.recon.app.bench.MatchBenchmark;
import dev.recon.app.bench.WorkloadShape;
import dev.recon.app.platform.ConfigResolution;
import dev.recon.app.platform.Platform;
import dev.recon.app.platform.PlatformConfig;
import dev.recon.ledger.bench.LedgerBenchmark;
import dev.recon.normalization.bench.ParseBenchResult;
import dev.recon.normalization.bench.ParseBenchSettings;
import dev.recon.normalization.bench.ParseBenchmark;
import dev.recon.normalization.format.Format;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    subcommands = {BenchCommand.Ledger.class, BenchCommand.Match.class, BenchCommand.Parse.class})
final class BenchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code recon bench parse}: parser throughput per format on generated files. */
  @Command(
      name = "parse",
      mixinStandardHelpOptions = true,
      description = {
        "Generate a realistic file of N rows in each format's real layout (valid, footing, unique"
            + " rows), parse it once to warm up, then time one pass through the normalizer; print"
            + " rows/s and bytes/s per format. Needs no platform."
      })
  static final class Parse implements Callable<Integer> {

    @Option(
        names = "--rows",
        description =
            "a quick single timed pass over N rows per format instead of the sized files below")
    Integer rows;

    @Option(
        names = "--mb",
        defaultValue = "100",
        description = "at least this many MiB per format's file (default: ${DEFAULT-VALUE})")
    long megabytes;

    @Option(
        names = "--passes",
        defaultValue = "5",
        description = "timed passes after one warm-up pass (default: ${DEFAULT-VALUE})")
    int passes;

    @Option(
        names = "--collect",
        description =
            "collect each file's records in a list (as the list API does) instead of streaming"
                + " them to a sink, to show what collecting costs")
    boolean collect;

    @Option(
        names = "--format",
        paramLabel = "F",
        description = "only these formats (default: every format the benchmark can generate)")
    List<String> formats;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      if (rows != null && (rows < 1 || rows > ParseBenchmark.MAX_ROWS)) {
        err.println("error: --rows must be between 1 and " + ParseBenchmark.MAX_ROWS);
        return ExitCodes.USAGE;
      }
      if (megabytes < 1 || megabytes * 1024 * 1024 > ParseBenchSettings.MAX_BYTES) {
        err.println(
            "error: --mb must be between 1 and " + ParseBenchSettings.MAX_BYTES / (1024 * 1024));
        return ExitCodes.USAGE;
      }
      if (passes < 1 || passes > ParseBenchSettings.MAX_PASSES) {
        err.println("error: --passes must be between 1 and " + ParseBenchSettings.MAX_PASSES);
        return ExitCodes.USAGE;
      }
      List<Format> chosen = new ArrayList<>();
      if (formats == null || formats.isEmpty()) {
        chosen.addAll(ParseBenchmark.formats());
      } else {
        for (String name : formats) {
          Optional<Format> f = Format.fromName(name).filter(ParseBenchmark.formats()::contains);
          if (f.isEmpty()) {
            err.println(
                "error: no parse benchmark for '"
                    + name
                    + "'; available: "
                    + ParseBenchmark.formats().stream().map(Format::cliName).toList());
            return ExitCodes.USAGE;
          }
          chosen.add(f.get());
        }
      }
      PrintStream progress = new PrintStream(OutputStream.nullOutputStream());
      for (Format format : chosen) {
        if (rows == null) {
          ParseBenchResult result =
              ParseBenchmark.run(
                  format,
                  new ParseBenchSettings(megabytes * 1024 * 1024, passes, collect),
                  progress);
          out.println("parse bench: " + result.summary());
          out.flush();
          continue;
        }
        ParseBenchResult result = ParseBenchmark.run(format, rows, progress);
        out.println(
            "parse bench: "
                + format.cliName()
                + ": "
                + result.rows()
                + " rows, "
                + result.bytes()
                + " bytes in "
                + result.millis()
                + " ms: "
                + result.rowsPerSecond()
                + " rows/s, "
                + result.bytesPerSecond()
                + " bytes/s");
        out.flush();
      }
      return ExitCodes.OK;
    }
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

  /**
   * {@code recon bench match}: the matching job against a pass-through job over the same topics.
   */
  @Command(
      name = "match",
      mixinStandardHelpOptions = true,
      description = {
        "Write a seeded workload of N canonical records (expected payments, PSP captures with"
            + " fees, refunds, fee rows and payouts per settlement batch, bank lines) for a few"
            + " tenants to an embedded Kafka broker, then time the matching job alone over those"
            + " topics and, in the same run, a pass-through job that copies every record to a"
            + " topic; print records/s for both and their ratio.",
        "Times run from job submission to completion on Flink's local MiniCluster (start-up and"
            + " the final checkpoint included); the rate after the first record was read is"
            + " shown too. Fails (exit 1) when the matches per level and rule, the breaks or the"
            + " journal entries differ from what the workload was built to produce."
      })
  static final class Match implements Callable<Integer> {

    @Option(
        names = "--records",
        defaultValue = "" + WorkloadShape.DEFAULT_RECORDS,
        description = "input records in all (default: ${DEFAULT-VALUE})")
    int records;

    @Option(
        names = "--seed",
        defaultValue = "" + WorkloadShape.DEFAULT_SEED,
        description = "seed of every amount and choice in the workload (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(
        names = "--parallelism",
        defaultValue = "2",
        description =
            "parallelism of both jobs, and partitions per topic (default: ${DEFAULT-VALUE})")
    int parallelism;

    @Option(
        names = "--checkpoint-ms",
        paramLabel = "MS",
        description =
            "checkpoint interval of both jobs in milliseconds (default: the platform's,"
                + " ${DEFAULT-VALUE})")
    long checkpointMillis = PlatformConfig.DEFAULT_CHECKPOINT_INTERVAL.toMillis();

    @Option(
        names = "--tenants",
        defaultValue = "" + WorkloadShape.DEFAULT_TENANTS,
        description = "tenants sharing the workload (default: ${DEFAULT-VALUE})")
    int tenants;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      if (records < WorkloadShape.MIN_RECORDS || records > WorkloadShape.MAX_RECORDS) {
        err.println(
            "error: --records must be between "
                + WorkloadShape.MIN_RECORDS
                + " and "
                + WorkloadShape.MAX_RECORDS);
        return ExitCodes.USAGE;
      }
      if (tenants < 1 || tenants > WorkloadShape.MAX_TENANTS) {
        err.println("error: --tenants must be between 1 and " + WorkloadShape.MAX_TENANTS);
        return ExitCodes.USAGE;
      }
      if (parallelism < 1 || parallelism > MatchBenchmark.MAX_PARALLELISM) {
        err.println("error: --parallelism must be between 1 and " + MatchBenchmark.MAX_PARALLELISM);
        return ExitCodes.USAGE;
      }
      Duration interval = Duration.ofMillis(checkpointMillis);
      if (interval.compareTo(PlatformConfig.MIN_CHECKPOINT_INTERVAL) < 0
          || interval.compareTo(PlatformConfig.MAX_CHECKPOINT_INTERVAL) > 0) {
        err.println(
            "error: --checkpoint-ms must be between "
                + PlatformConfig.MIN_CHECKPOINT_INTERVAL.toMillis()
                + " and "
                + PlatformConfig.MAX_CHECKPOINT_INTERVAL.toMillis());
        return ExitCodes.USAGE;
      }
      MatchBenchmark.Result result =
          MatchBenchmark.run(new WorkloadShape(records, seed, tenants), parallelism, interval, out);
      if (!result.countsAgree()) {
        err.println(
            "error: the jobs' output differs from what the workload was built to produce (see the"
                + " found/expected lines): these rates are not a result");
        err.flush();
        return ExitCodes.COULD_NOT_RUN;
      }
      return ExitCodes.OK;
    }
  }
}
