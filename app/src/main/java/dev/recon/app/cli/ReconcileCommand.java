package dev.recon.app.cli;

import dev.recon.app.pipeline.ReconcileRequest;
import dev.recon.app.pipeline.ReconcileResult;
import dev.recon.app.pipeline.ReconcileRun;
import dev.recon.app.pipeline.TopicAdmin;
import dev.recon.app.platform.ConfigResolution;
import dev.recon.app.platform.Platform;
import dev.recon.matching.tolerant.ParsedRuleSet;
import dev.recon.matching.tolerant.ToleranceRuleSet;
import dev.recon.matching.tolerant.ToleranceRuleYaml;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code recon reconcile}: a bounded run of the jobs over files. */
@Command(
    name = "reconcile",
    mixinStandardHelpOptions = true,
    description = {
      "Reconcile files through the same Kafka + Flink jobs as the platform, book the matches in the"
          + " ledger, and write matches.csv, exceptions.csv, journal.csv, report.html and"
          + " summary.json to --out.",
      "Exit 0 when it ran (breaks and bad rows included), 1 when it could not run, 2 on bad usage."
    })
final class ReconcileCommand implements Callable<Integer> {

  @Option(names = "--tenant", required = true, paramLabel = "T", description = "tenant id")
  String tenant;

  @Option(
      names = "--expected",
      paramLabel = "FILE",
      arity = "1..*",
      description = "expected-payments CSV file(s)")
  List<Path> expected = new ArrayList<>();

  @Option(names = "--psp", paramLabel = "FILE", arity = "1..*", description = "PSP report file(s)")
  List<Path> psp = new ArrayList<>();

  @Option(
      names = "--bank",
      paramLabel = "FILE",
      arity = "1..*",
      description = "bank statement file(s)")
  List<Path> bank = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "F|FILE=F",
      description = "force a format for every input (F) or for one file (FILE=F)")
  List<String> formats = new ArrayList<>();

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
  Path out;

  @Option(
      names = "--rules",
      paramLabel = "FILE",
      description = "L2 tolerance rules (YAML); default: the built-in rules")
  Path rules;

  @Option(
      names = "--as-of",
      paramLabel = "INSTANT",
      description = "the instant exceptions are aged against (ISO-8601; default: now)")
  Instant asOf;

  @Mixin PlatformOptions platform;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter outWriter = spec.commandLine().getOut();
    if (expected.isEmpty() && psp.isEmpty() && bank.isEmpty()) {
      err.println("error: give at least one of --expected, --psp, --bank");
      return ExitCodes.USAGE;
    }
    Map<Path, String> forced = new HashMap<>();
    List<Path> all = new ArrayList<>(expected);
    all.addAll(psp);
    all.addAll(bank);
    for (String f : formats) {
      int eq = f.lastIndexOf('=');
      if (eq > 0) {
        forced.put(Path.of(f.substring(0, eq)), f.substring(eq + 1));
      } else {
        all.forEach(p -> forced.putIfAbsent(p, f));
      }
    }
    ConfigResolution resolution =
        platform.resolve(System.getenv(), Optional.of(MigrateCommand.DEFAULT_DATA_DIR));
    if (!resolution.isValid()) {
      resolution.errors().forEach(e -> err.println("error: " + e));
      return ExitCodes.USAGE;
    }
    ParsedRuleSet parsedRules;
    try {
      parsedRules =
          rules == null
              ? new ParsedRuleSet(ToleranceRuleSet.defaults(), List.of())
              : ToleranceRuleYaml.read(rules);
    } catch (java.io.IOException e) {
      err.println("error: " + rules + ": cannot read: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    if (!parsedRules.isValid()) {
      parsedRules.errors().forEach(e -> err.println("error: " + rules + ": " + e));
      return ExitCodes.USAGE;
    }
    ReconcileRequest request =
        new ReconcileRequest(
            tenant,
            expected,
            psp,
            bank,
            forced,
            out,
            asOf == null ? Instant.now() : asOf,
            parsedRules.ruleSet());
    err.flush();
    try (Platform p = PlatformLauncher.start(resolution.config());
        TopicAdmin admin = new TopicAdmin(p.kafkaBootstrap())) {
      ReconcileResult result =
          new ReconcileRun(PlatformLauncher.pipelineContext(p), admin, err, Clock.systemUTC())
              .run(request);
      result.problems().forEach(problem -> err.println("error: " + problem));
      if (!result.couldRun()) {
        return ExitCodes.COULD_NOT_RUN;
      }
      printSummary(outWriter, result);
      return ExitCodes.OK;
    } catch (Exception e) {
      err.println("error: could not run: " + e);
      return ExitCodes.COULD_NOT_RUN;
    } finally {
      err.flush();
      outWriter.flush();
    }
  }

  static void printSummary(PrintWriter out, ReconcileResult r) {
    out.printf(
        "reconciled: %d file(s) published, %d match(es), %d exception(s), %d bad input row(s)%n",
        r.filesPublished(), r.matches(), r.exceptions(), r.deadLetters());
    out.printf(
        "ledger: %d journal entr%s for this run, %d newly posted, balanced: %s%n",
        r.journalEntriesInRun(),
        r.journalEntriesInRun() == 1 ? "y" : "ies",
        r.newLedgerEntries(),
        r.ledgerBalanced() ? "yes" : "NO");
    out.printf("output: %s%n", r.outDir().toAbsolutePath().resolve("report.html"));
    out.flush();
  }
}
