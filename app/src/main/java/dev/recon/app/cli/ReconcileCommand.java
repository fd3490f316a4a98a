package dev.recon.app.cli;

import dev.recon.app.dryrun.RecordOutcomes;
import dev.recon.app.dryrun.RuleChange;
import dev.recon.app.pipeline.ReconcileRequest;
import dev.recon.app.pipeline.ReconcileResult;
import dev.recon.app.pipeline.ReconcileRun;
import dev.recon.app.pipeline.TenantPostingTables;
import dev.recon.app.pipeline.TopicAdmin;
import dev.recon.app.platform.ConfigResolution;
import dev.recon.app.platform.Platform;
import dev.recon.matching.tolerant.ParsedRuleSet;
import dev.recon.matching.tolerant.ToleranceRuleSet;
import dev.recon.matching.tolerant.ToleranceRuleYaml;
import dev.recon.reporting.render.ReportFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

  @Option(
      names = "--report-formats",
      split = ",",
      paramLabel = "pdf,xlsx,csv",
      description =
          "also write the daily report as report.pdf, report.xlsx and/or report-<section>.csv"
              + " beside report.html")
  List<String> reportFormats;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
  Path out;

  @Option(
      names = "--rules",
      paramLabel = "FILE",
      description =
          "matching rules (YAML): L2 tolerance rules under rules:, L4 cash rules under cash:;"
              + " default: the built-in rules")
  Path rules;

  @Option(
      names = "--dry-run",
      description = "book nothing in the ledger; journal.csv shows what the run would have booked")
  boolean dryRun;

  @Option(
      names = "--try-rules",
      paramLabel = "FILE",
      description =
          "show what a rule change would do (implies --dry-run): reconcile with the current rules"
              + " (--rules, or the built-in ones) into DIR/current and with these L2 rules into"
              + " DIR/proposed, then write DIR/rule-change.csv naming every record whose outcome"
              + " changes and print the counts per outcome before and after")
  Path tryRules;

  @Option(
      names = "--as-of",
      paramLabel = "INSTANT",
      description = "the instant exceptions are aged against (ISO-8601; default: now)")
  Instant asOf;

  @Mixin PostingRulesOption postingRules;

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
    Set<ReportFormat> extraReports = Set.of();
    if (reportFormats != null && !reportFormats.isEmpty()) {
      try {
        extraReports = ReportFormat.parseList(String.join(",", reportFormats));
      } catch (IllegalArgumentException e) {
        err.println("error: --report-formats: " + e.getMessage());
        return ExitCodes.USAGE;
      }
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
    Optional<TenantPostingTables> postingTables =
        postingRules.tables(System.getenv(), platform.configFile, err);
    Optional<ParsedRuleSet> currentRules = readRules(rules, err);
    Optional<ParsedRuleSet> proposedRules =
        tryRules == null ? Optional.empty() : readRules(tryRules, err);
    if (postingTables.isEmpty()
        || currentRules.isEmpty()
        || (tryRules != null && proposedRules.isEmpty())) {
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
            currentRules.get().ruleSet(),
            currentRules.get().cashRules(),
            dryRun);
    err.flush();
    try (Platform p = PlatformLauncher.start(resolution.config());
        TopicAdmin admin = new TopicAdmin(p.kafka())) {
      ReconcileRun run =
          new ReconcileRun(PlatformLauncher.pipelineContext(p), admin, err, Clock.systemUTC())
              .withReportFormats(extraReports)
              .withPostingTables(postingTables.get());
      if (proposedRules.isPresent()) {
        return tryRuleChange(run, request, proposedRules.get(), outWriter, err);
      }
      ReconcileResult result = run.run(request);
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

  /** Two dry runs over the same files, current rules then proposed, and their difference. */
  private int tryRuleChange(
      ReconcileRun run,
      ReconcileRequest request,
      ParsedRuleSet proposed,
      PrintWriter outWriter,
      PrintWriter err)
      throws Exception {
    Path currentDir = out.resolve("current");
    Path proposedDir = out.resolve("proposed");
    for (ReconcileRequest r :
        List.of(
            request.dryRunWith(request.toleranceRules(), request.cashRules(), currentDir),
            request.dryRunWith(proposed.ruleSet(), proposed.cashRules(), proposedDir))) {
      ReconcileResult result = run.run(r);
      result.problems().forEach(problem -> err.println("error: " + problem));
      if (!result.couldRun()) {
        return ExitCodes.COULD_NOT_RUN;
      }
      outWriter.println(r.outDir().getFileName() + " rules (dry run):");
      printSummary(outWriter, result);
    }
    RuleChange change =
        RuleChange.between(RecordOutcomes.read(currentDir), RecordOutcomes.read(proposedDir));
    Path csv = out.resolve("rule-change.csv");
    change.writeCsv(csv);
    change.summaryLines().forEach(outWriter::println);
    outWriter.printf("rule change: %s%n", csv.toAbsolutePath());
    outWriter.flush();
    return ExitCodes.OK;
  }

  /**
   * The L2 and L4 rules of a file, or the built-in ones for none; empty after printing its errors.
   */
  private static Optional<ParsedRuleSet> readRules(Path file, PrintWriter err) {
    if (file == null) {
      return Optional.of(new ParsedRuleSet(ToleranceRuleSet.defaults(), List.of()));
    }
    ParsedRuleSet parsed;
    try {
      parsed = ToleranceRuleYaml.read(file);
    } catch (java.io.IOException e) {
      err.println("error: " + file + ": cannot read: " + e.getMessage());
      return Optional.empty();
    }
    if (!parsed.isValid()) {
      parsed.errors().forEach(e -> err.println("error: " + file + ": " + e));
      return Optional.empty();
    }
    return Optional.of(parsed);
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
