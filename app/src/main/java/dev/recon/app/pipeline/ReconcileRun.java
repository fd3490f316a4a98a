package dev.recon.app.pipeline;

import dev.recon.app.platform.ReliableProducer;
import dev.recon.ingestion.file.FileIngestor;
import dev.recon.ingestion.file.IngestOutcome;
import dev.recon.ingestion.file.RawFile;
import dev.recon.ledger.db.JournalLine;
import dev.recon.ledger.db.LedgerQueries;
import dev.recon.ledger.sink.LedgerConnectionSpec;
import dev.recon.ledger.sink.LedgerSink;
import dev.recon.matching.job.MatchingJob;
import dev.recon.matching.job.MatchingSettings;
import dev.recon.normalization.format.Format;
import dev.recon.normalization.format.FormatDetector;
import dev.recon.normalization.job.NormalizationJob;
import dev.recon.reporting.ReconciliationOutputWriter;
import dev.recon.reporting.ReconciliationRun;
import dev.recon.reporting.casework.CaseStore;
import dev.recon.reporting.casework.RunOutputs;
import dev.recon.reporting.render.DailyReport;
import dev.recon.reporting.render.ReportDocument;
import dev.recon.reporting.render.ReportFormat;
import dev.recon.schemas.BankLine;
import dev.recon.schemas.DeadLetter;
import dev.recon.schemas.ExceptionResolution;
import dev.recon.schemas.ExpectedPayment;
import dev.recon.schemas.JournalEntry;
import dev.recon.schemas.Match;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.RawRecord;
import dev.recon.schemas.ReconException;
import dev.recon.schemas.kafka.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.kafka.clients.producer.Producer;

/**
 * {@code recon reconcile}: publishes the files to Kafka, runs the normalization job and then the
 * matching job (with the ledger sink) as bounded Flink jobs over this run's topics, and writes the
 * contract files from what the jobs produced and what the ledger holds.
 */
public final class ReconcileRun {
  /** Enough of a file to recognise its format. */
  static final int DETECTION_BYTES = 64 * 1024;

  private final PipelineContext context;
  private final TopicAdmin topicAdmin;
  private final PrintWriter err;
  private final Clock clock;
  private Set<ReportFormat> reportFormats = EnumSet.noneOf(ReportFormat.class);
  private Consumer<RunOutputs> caseworkObserver = outputs -> {};
  private TenantPostingTables postingTables = TenantPostingTables.builtIn();

  public ReconcileRun(
      PipelineContext context, TopicAdmin topicAdmin, PrintWriter err, Clock clock) {
    this.context = context;
    this.topicAdmin = topicAdmin;
    this.err = err;
    this.clock = clock;
  }

  /**
   * Also writes the daily report in these formats beside {@code report.html} (report.pdf,
   * report.xlsx, report-&lt;section&gt;.csv); none by default.
   */
  public ReconcileRun withReportFormats(Set<ReportFormat> formats) {
    this.reportFormats = EnumSet.noneOf(ReportFormat.class);
    this.reportFormats.addAll(formats);
    this.reportFormats.remove(ReportFormat.HTML);
    return this;
  }

  /** Books the matches by these tables (a dry run's journal too); the built-in one by default. */
  public ReconcileRun withPostingTables(TenantPostingTables tables) {
    this.postingTables = Objects.requireNonNull(tables, "tables");
    return this;
  }

  /**
   * Shown what the run stored for the UI once it is stored (the demo's connector-lag gauge reads
   * the raw records and what normalization made of them, as {@code recon run}'s feed does).
   */
  public ReconcileRun withCaseworkObserver(Consumer<RunOutputs> observer) {
    this.caseworkObserver = Objects.requireNonNull(observer, "observer");
    return this;
  }

  /**
   * How a run's input reaches its raw topic: by default the request's files are published as they
   * are; the demo lets the connectors deliver them instead.
   */
  @FunctionalInterface
  public interface RawDelivery {
    /** Publishes to {@code rawTopic} and returns how many raw records it published. */
    int deliver(String rawTopic, List<String> problems) throws Exception;
  }

  public ReconcileResult run(ReconcileRequest request) throws Exception {
    return run(request, null);
  }

  /**
   * @param delivery publishes the run's input to its raw topic, or null to publish the request's
   *     files
   */
  public ReconcileResult run(ReconcileRequest request, RawDelivery delivery) throws Exception {
    List<String> problems = new ArrayList<>();
    Map<Path, Optional<String>> hints = new HashMap<>();
    int recognised = 0;
    for (ReconcileRequest.Input input : request.inputs()) {
      Optional<String> hint = formatOf(input.file(), request.formats(), problems);
      hints.put(input.file(), hint);
      if (hint.isPresent()) {
        recognised++;
      }
    }
    if (recognised == 0) {
      problems.add("nothing to reconcile: no input file could be read and recognised");
      return ReconcileResult.nothingRan(problems, request.outDir());
    }

    String runId = request.tenant() + "-" + UUID.randomUUID().toString().substring(0, 8);
    RunTopics topics = RunTopics.forRun(runId);
    List<String> needed = new ArrayList<>(topics.all());
    if (!request.dryRun()) {
      // what the run books goes to the ledger's outbound topic too, as the streaming job's does
      needed.add(Topics.JOURNAL);
    }
    topicAdmin.create(needed, context.topicPartitions(), context.topicReplication());
    try {
      int published =
          delivery == null
              ? publish(request, topics, hints, problems)
              : delivery.deliver(topics.raw(), problems);
      err.println("run " + runId + ": " + published + " file(s) on Kafka; normalizing");
      err.flush();
      runNormalization(topics, runId);
      LedgerQueries ledger = new LedgerQueries(context.appDatabase().dataSource());
      long entriesBefore = ledger.entryCount(request.tenant());
      err.println(
          "run "
              + runId
              + (request.dryRun()
                  ? ": matching (dry run: nothing is booked in the ledger)"
                  : ": matching and posting to the ledger"));
      err.flush();
      runMatching(topics, runId, request);
      long newEntries = ledger.entryCount(request.tenant()) - entriesBefore;

      TopicReader reader = new TopicReader(context.kafka(), Topics.MAX_MESSAGE_BYTES);
      List<Match> matches = reader.readAll(topics.matches(), Match.class);
      List<ReconException> exceptions = reader.readAll(topics.exceptions(), ReconException.class);
      List<DeadLetter> deadLetters = reader.readAll(topics.deadLetters(), DeadLetter.class);
      Set<String> matchIds = new LinkedHashSet<>();
      matches.forEach(m -> matchIds.add(m.getMatchId()));
      List<JournalLine> journal =
          request.dryRun()
              ? DryRunJournal.linesFor(matches, postingTables)
              : ledger.journalLines(request.tenant(), matchIds);
      boolean balanced = ledger.unbalancedEntries(request.tenant()).isEmpty();

      List<String> inputNames = request.inputs().stream().map(i -> i.file().toString()).toList();
      ReconciliationRun outputs =
          new ReconciliationRun(
              request.tenant(),
              request.asOf(),
              inputNames,
              matches,
              exceptions,
              deadLetters,
              journal);
      ReconciliationOutputWriter.write(outputs, request.outDir());
      for (ReportDocument d : new DailyReport(outputs).render(reportFormats)) {
        Files.write(request.outDir().resolve(d.fileName()), d.content());
      }
      if (!request.dryRun()) {
        recordCasework(request, runId, reader, topics, matches, exceptions, deadLetters, problems);
      }
      deadLetters.forEach(d -> err.println("bad input: " + describe(d)));
      long entriesInRun = journal.stream().map(JournalLine::entryId).distinct().count();
      return new ReconcileResult(
          true,
          problems,
          published,
          matches.size(),
          exceptions.size(),
          deadLetters.size(),
          (int) entriesInRun,
          newEntries,
          balanced,
          request.outDir());
    } finally {
      topicAdmin.deleteQuietly(topics.all());
    }
  }

  /**
   * The run's outputs into the casework store for the UI. A failure here is reported, not fatal:
   * the ledger and the contract files already hold the run, and a rerun stores it idempotently.
   */
  private void recordCasework(
      ReconcileRequest request,
      String runId,
      TopicReader reader,
      RunTopics topics,
      List<Match> matches,
      List<ReconException> exceptions,
      List<DeadLetter> deadLetters,
      List<String> problems) {
    try {
      new CaseworkRecorder(new CaseStore(context.appDatabase().dataSource(), clock))
          .record(
              caseworkObserver,
              request.tenant(),
              "reconcile " + runId,
              reader,
              topics,
              matches,
              exceptions,
              deadLetters);
    } catch (RuntimeException e) {
      problems.add("casework: the run's exceptions could not be stored for the UI: " + e);
    }
  }

  private Optional<String> formatOf(Path file, Map<Path, String> forced, List<String> problems) {
    if (!Files.isRegularFile(file)) {
      problems.add(file + ": no such file");
      return Optional.empty();
    }
    String force = forced.get(file);
    if (force != null) {
      Optional<Format> f = Format.fromName(force);
      if (f.isEmpty()) {
        problems.add(file + ": unknown --format '" + force + "'; known: " + Format.cliNames());
      }
      return f.map(Format::cliName);
    }
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(DETECTION_BYTES);
    } catch (IOException e) {
      problems.add(file + ": cannot read: " + e.getMessage());
      return Optional.empty();
    }
    Optional<Format> detected = FormatDetector.detect(head);
    if (detected.isEmpty()) {
      problems.add(
          file
              + ":1: "
              + FormatDetector.unknownFormatMessage(file.getFileName().toString(), head)
              + "; use --format to force one of "
              + Format.cliNames());
    }
    return detected.map(Format::cliName);
  }

  private int publish(
      ReconcileRequest request,
      RunTopics topics,
      Map<Path, Optional<String>> hints,
      List<String> problems) {
    int published = 0;
    try (Producer<String, byte[]> producer = ReliableProducer.create(context.kafka())) {
      FileIngestor ingestor = new FileIngestor(producer, topics.raw(), clock);
      for (ReconcileRequest.Input input : request.inputs()) {
        Optional<String> hint = hints.get(input.file());
        if (hint.isEmpty() && !Files.isRegularFile(input.file())) {
          continue;
        }
        // Unrecognised files still go through the pipeline: the normalization job dead-letters
        // them, so they are counted and reported like every other bad input.
        RawFile.Origin origin =
            new RawFile.Origin(
                request.tenant(),
                "file:" + input.role().name().toLowerCase(java.util.Locale.ROOT),
                null,
                input.file().getFileName().toString(),
                hint.orElse(null));
        IngestOutcome outcome = ingestor.ingest(input.file(), origin);
        if (outcome instanceof IngestOutcome.Refused refused) {
          problems.add(input.file() + ": refused: " + refused.reason());
        } else {
          published++;
        }
      }
    }
    return published;
  }

  private void runNormalization(RunTopics topics, String runId) throws Exception {
    KafkaEndpoints kafka = new KafkaEndpoints(context.kafka(), Topics.MAX_MESSAGE_BYTES);
    StreamExecutionEnvironment env = boundedEnvironment();
    new NormalizationJob(
            kafka.boundedSource(topics.raw(), RawRecord.class, "recon-normalize-" + runId),
            kafka.exactlyOnceSink(
                topics.payments(), PaymentEvent.class, TenantKeys.payment(), runId + "-n-pay"),
            kafka.exactlyOnceSink(
                topics.expected(), ExpectedPayment.class, TenantKeys.expected(), runId + "-n-exp"),
            kafka.exactlyOnceSink(
                topics.bank(), BankLine.class, TenantKeys.bank(), runId + "-n-bank"),
            kafka.exactlyOnceSink(
                topics.deadLetters(), DeadLetter.class, TenantKeys.deadLetter(), runId + "-n-dlq"))
        .addTo(env);
    env.execute("recon-normalize " + runId);
  }

  private void runMatching(RunTopics topics, String runId, ReconcileRequest request)
      throws Exception {
    KafkaEndpoints kafka = new KafkaEndpoints(context.kafka(), Topics.MAX_MESSAGE_BYTES);
    StreamExecutionEnvironment env = boundedEnvironment();
    PipelineContext.AppDatabase db = context.appDatabase();
    MatchingJob job =
        new MatchingJob(
            kafka.boundedSource(topics.expected(), ExpectedPayment.class, "recon-match-" + runId),
            kafka.boundedSource(topics.payments(), PaymentEvent.class, "recon-match-" + runId),
            kafka.boundedSource(topics.bank(), BankLine.class, "recon-match-" + runId),
            kafka.exactlyOnceSink(
                topics.matches(), Match.class, TenantKeys.match(), runId + "-m-match"),
            kafka.exactlyOnceSink(
                topics.exceptions(),
                ReconException.class,
                TenantKeys.exception(),
                runId + "-m-exc"),
            // A bounded run decides everything at the end of its input: nothing is late, so
            // matching resolves no break after raising it and this topic stays empty.
            kafka.exactlyOnceSink(
                topics.resolutions(),
                ExceptionResolution.class,
                TenantKeys.resolution(),
                runId + "-m-res"),
            request.dryRun()
                ? new DiscardingSink<>()
                : new LedgerSink(new LedgerConnectionSpec(db.jdbcUrl(), db.user(), db.password())),
            postingTables,
            MatchingSettings.bounded()
                .withToleranceRules(request.toleranceRules())
                .withCashRules(request.cashRules())
                .withAsOf(request.asOf()));
    if (!request.dryRun()) {
      // Exactly once per run: a failed attempt's transaction is aborted, and its retry publishes
      // every entry again. A new run over files already booked publishes their entries again
      // (same entry ids; the ledger keeps them once).
      job =
          job.withJournalTopic(
              kafka.exactlyOnceSink(
                  Topics.JOURNAL, JournalEntry.class, TenantKeys.journal(), runId + "-m-jrn"));
    }
    job.addTo(env);
    env.execute("recon-match " + runId);
  }

  /**
   * Bounded runs execute in streaming mode with every decision at the end of input ({@code
   * MatchingSettings.bounded()}). Flink's BATCH mode measured about 1.8 times the records per
   * CPU-second in {@code recon bench match}, but the generated world showed L4 leftovers neither
   * matched nor broken under it (their per-record timers): not until that is understood.
   */
  private StreamExecutionEnvironment boundedEnvironment() {
    return context.jobEnvironments().get();
  }

  private static String describe(DeadLetter d) {
    var p = d.getProvenance();
    return p.getFileName()
        + ":"
        + p.getLine()
        + (d.getField() == null ? "" : " field " + d.getField())
        + ": "
        + d.getReason();
  }
}
