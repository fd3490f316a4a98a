package dev.recon.app.bench;

import dev.recon.app.pipeline.KafkaEndpoints;
import dev.recon.app.pipeline.TopicAdmin;
import dev.recon.app.pipeline.TopicReader;
import dev.recon.app.platform.EmbeddedKafkaBroker;
import dev.recon.app.platform.FlinkEnvironments;
import dev.recon.app.platform.KafkaConnection;
import dev.recon.app.platform.PlatformConfig;
import dev.recon.ledger.posting.PostingRules;
import dev.recon.matching.job.MatchingJob;
import dev.recon.matching.job.MatchingSettings;
import dev.recon.schemas.BankLine;
import dev.recon.schemas.ExceptionResolution;
import dev.recon.schemas.ExpectedPayment;
import dev.recon.schemas.JournalEntry;
import dev.recon.schemas.Match;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.ReconException;
import dev.recon.schemas.kafka.Topics;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code recon bench match}: the matching job alone, and a pass-through job over the same input,
 * timed in the same run on an embedded Kafka broker and Flink's local MiniCluster.
 *
 * <p>Before timing starts, the {@link MatchWorkload} is written to the input topics and their end
 * offsets are noted. Then each job runs bounded, from the earliest offsets to those end offsets, at
 * the given parallelism, with the platform's job settings (exactly-once checkpoints every {@link
 * PlatformConfig#DEFAULT_CHECKPOINT_INTERVAL}, no Kryo, no restarts) and transactional Kafka sinks.
 * The matching job books its matches with the ledger's {@link PostingRules}, as {@code recon
 * reconcile} and {@code recon run} do, but to a journal topic instead of PostgreSQL, so that the
 * figure is matching's and not the database's.
 *
 * <p>A job's time runs from its submission to its completion: MiniCluster start-up, deployment,
 * reading, processing, the final checkpoint that commits the sinks' transactions, and shutdown.
 * Because start-up weighs heavily at small sizes, the rate after the first input record was read
 * (sampled from the sources' numRecordsOut every {@link OperatorMetrics#SAMPLE_INTERVAL}) is shown
 * as well.
 *
 * <p>The matching job's output is counted per level, rule and break reason, and must equal what the
 * workload was built to produce; the pass-through job's copies must number the input records.
 */
public final class MatchBenchmark {

  /** The speed the matching job must reach on a 2-core machine. */
  public static final long TARGET_RECORDS_PER_SECOND = 100_000;

  /** The share of the pass-through job's rate the matching job must reach. */
  public static final double TARGET_RATIO = 0.5;

  public static final int MAX_PARALLELISM = 64;

  private static final Set<String> SOURCES =
      Set.of(
          PassThroughJob.EXPECTED_SOURCE,
          PassThroughJob.PAYMENT_SOURCE,
          PassThroughJob.BANK_SOURCE);

  private MatchBenchmark() {}

  /** One timed job. */
  public record JobRun(
      String name,
      long records,
      long millis,
      long flinkNetRuntimeMillis,
      long firstRecordAtMillis,
      long allReadAtMillis,
      long cpuMillis,
      List<OperatorMetrics.OperatorCount> operators) {

    /** Input records per second, submission to completion. */
    public long recordsPerSecond() {
      return perSecond(records, millis);
    }

    /**
     * Input records per CPU-second of this whole process (Flink, the embedded broker, the sinks), a
     * figure that other load on the machine does not distort.
     */
    public long recordsPerCpuSecond() {
      return perSecond(records, cpuMillis);
    }

    /** Input records per second from the first record read to completion; -1 if unknown. */
    public long afterStartUpRecordsPerSecond() {
      return firstRecordAtMillis < 0 ? -1 : perSecond(records, millis - firstRecordAtMillis);
    }
  }

  /** Both runs, and what the matching job produced against what it had to. */
  public record Result(
      MatchWorkload.Summary workload,
      long publishMillis,
      JobRun matching,
      JobRun passThrough,
      MatchCounts found,
      long copied) {

    public boolean countsAgree() {
      return found.equals(workload.expected()) && copied == workload.records();
    }

    public double ratio() {
      return (double) matching.recordsPerSecond() / passThrough.recordsPerSecond();
    }
  }

  /**
   * Runs the benchmark and prints its figures to {@code out}.
   *
   * @throws IllegalArgumentException if {@code parallelism} is outside 1..{@value #MAX_PARALLELISM}
   */
  public static Result run(WorkloadShape shape, int parallelism, PrintWriter out) throws Exception {
    return run(shape, parallelism, PlatformConfig.DEFAULT_CHECKPOINT_INTERVAL, out);
  }

  /**
   * As {@link #run(WorkloadShape, int, PrintWriter)} with another checkpoint interval than the
   * platform's, to see what checkpointing the matching job's state costs.
   *
   * @throws IllegalArgumentException if the interval is outside what {@link PlatformConfig} allows
   */
  public static Result run(
      WorkloadShape shape, int parallelism, Duration checkpointInterval, PrintWriter out)
      throws Exception {
    if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
      throw new IllegalArgumentException("parallelism outside 1.." + MAX_PARALLELISM);
    }
    PlatformConfig config = benchConfig(parallelism, checkpointInterval);
    String runId = UUID.randomUUID().toString().substring(0, 8);
    BenchTopics topics = BenchTopics.forRun(runId);
    Path dir = Files.createTempDirectory("recon-bench-match");
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"))) {
      String bootstrap = broker.bootstrapServers();
      try (TopicAdmin admin = new TopicAdmin(KafkaConnection.plaintext(bootstrap))) {
        admin.create(topics.all(), parallelism, (short) 1);
      }
      long publishStart = System.nanoTime();
      MatchWorkload.Summary workload;
      try (WorkloadPublisher publisher = new WorkloadPublisher(bootstrap, topics, parallelism)) {
        workload = MatchWorkload.write(shape, publisher);
      }
      long publishMillis = millisSince(publishStart);
      out.printf(
          Locale.ROOT,
          "match bench: %d records (%d expected payments, %d payment events, %d bank lines),"
              + " %d tenants, seed %d, parallelism %d, checkpoint interval %d ms%n",
          workload.records(),
          workload.expectedPayments(),
          workload.paymentEvents(),
          workload.bankLines(),
          shape.tenants(),
          shape.seed(),
          parallelism,
          checkpointInterval.toMillis());
      out.printf(Locale.ROOT, "workload on Kafka in %d ms (not timed)%n", publishMillis);
      out.flush();
      Map<String, Map<TopicPartition, Long>> ends = endOffsets(bootstrap, topics.inputs());

      FlinkEnvironments flink = FlinkEnvironments.local(config, dir.resolve("checkpoints"));
      KafkaEndpoints kafka =
          new KafkaEndpoints(KafkaConnection.plaintext(bootstrap), Topics.MAX_MESSAGE_BYTES);

      JobRun matching =
          timed(
              "matching job",
              runId + "-match",
              workload.records(),
              flink,
              env ->
                  new MatchingJob(
                          source(kafka, topics.expected(), ExpectedPayment.class, runId, ends),
                          source(kafka, topics.payments(), PaymentEvent.class, runId, ends),
                          source(kafka, topics.bank(), BankLine.class, runId, ends),
                          kafka.exactlyOnceSink(
                              topics.matches(),
                              Match.class,
                              m -> tenantKey(m.getTenantId()),
                              runId + "-m-match"),
                          kafka.exactlyOnceSink(
                              topics.exceptions(),
                              ReconException.class,
                              x -> tenantKey(x.getTenantId()),
                              runId + "-m-exc"),
                          kafka.exactlyOnceSink(
                              topics.resolutions(),
                              ExceptionResolution.class,
                              r -> tenantKey(r.getTenantId()),
                              runId + "-m-res"),
                          kafka.exactlyOnceSink(
                              topics.journal(),
                              JournalEntry.class,
                              j -> tenantKey(j.getTenantId()),
                              runId + "-m-journal"),
                          PostingRules::entriesFor,
                          MatchingSettings.bounded())
                      .addTo(env));
      print(out, matching);
      MatchCounts found = countOutput(bootstrap, topics);

      JobRun passThrough =
          timed(
              "pass-through job",
              runId + "-copy",
              workload.records(),
              flink,
              env ->
                  new PassThroughJob(
                          source(kafka, topics.expected(), ExpectedPayment.class, runId, ends),
                          source(kafka, topics.payments(), PaymentEvent.class, runId, ends),
                          source(kafka, topics.bank(), BankLine.class, runId, ends),
                          kafka.exactlyOnceSink(
                              topics.copiedExpected(),
                              ExpectedPayment.class,
                              e -> tenantKey(e.getProvenance().getTenantId()),
                              runId + "-c-exp"),
                          kafka.exactlyOnceSink(
                              topics.copiedPayments(),
                              PaymentEvent.class,
                              e -> tenantKey(e.getProvenance().getTenantId()),
                              runId + "-c-pay"),
                          kafka.exactlyOnceSink(
                              topics.copiedBank(),
                              BankLine.class,
                              e -> tenantKey(e.getProvenance().getTenantId()),
                              runId + "-c-bank"))
                      .addTo(env));
      print(out, passThrough);
      long copied = countCopies(bootstrap, topics);

      Result result = new Result(workload, publishMillis, matching, passThrough, found, copied);
      printSummary(out, result);
      return result;
    } finally {
      deleteTree(dir);
    }
  }

  /** Builds one job into a fresh environment. */
  @FunctionalInterface
  private interface JobBuilder {
    void addTo(StreamExecutionEnvironment env);
  }

  private static JobRun timed(
      String name, String metricsRun, long records, FlinkEnvironments flink, JobBuilder job)
      throws Exception {
    Configuration c = flink.configuration();
    OperatorMetrics.configure(c, metricsRun);
    OperatorMetrics.Recording recording = OperatorMetrics.record(metricsRun, SOURCES, records);
    try {
      StreamExecutionEnvironment env =
          StreamExecutionEnvironment.createLocalEnvironment(
              c.get(CoreOptions.DEFAULT_PARALLELISM), c);
      job.addTo(env);
      long cpuStart = processCpuNanos();
      long start = System.nanoTime();
      JobExecutionResult result = env.execute("recon-bench " + name);
      long end = System.nanoTime();
      long cpu = processCpuNanos() - cpuStart;
      long first = recording.firstRecordNanos();
      long allRead = recording.lastRecordNanos();
      return new JobRun(
          name,
          records,
          (end - start) / 1_000_000,
          result.getNetRuntime(),
          first == 0 ? -1 : Math.max(0, (first - start) / 1_000_000),
          allRead == 0 ? -1 : Math.max(0, (allRead - start) / 1_000_000),
          cpu / 1_000_000,
          recording.operators());
    } finally {
      OperatorMetrics.forget(metricsRun);
    }
  }

  private static <T extends SpecificRecordBase> KafkaSource<T> source(
      KafkaEndpoints kafka,
      String topic,
      Class<T> type,
      String runId,
      Map<String, Map<TopicPartition, Long>> ends) {
    return kafka.boundedSource(
        topic, type, "recon-bench-" + runId, OffsetsInitializer.offsets(ends.get(topic)));
  }

  private static MatchCounts countOutput(String bootstrap, BenchTopics topics) {
    TopicReader reader =
        new TopicReader(KafkaConnection.plaintext(bootstrap), Topics.MAX_MESSAGE_BYTES);
    MatchCounts.Tally tally = new MatchCounts.Tally();
    reader.forEach(topics.matches(), Match.class, m -> tally.match(m.getLevel(), m.getRule()));
    reader.forEach(
        topics.exceptions(),
        ReconException.class,
        x -> tally.exception(x.getLevel(), x.getReason()));
    reader.forEach(topics.journal(), JournalEntry.class, j -> tally.journalEntry());
    return tally.counts();
  }

  private static long countCopies(String bootstrap, BenchTopics topics) {
    TopicReader reader =
        new TopicReader(KafkaConnection.plaintext(bootstrap), Topics.MAX_MESSAGE_BYTES);
    return reader.forEach(topics.copiedExpected(), ExpectedPayment.class, e -> {})
        + reader.forEach(topics.copiedPayments(), PaymentEvent.class, e -> {})
        + reader.forEach(topics.copiedBank(), BankLine.class, e -> {});
  }

  private static void print(PrintWriter out, JobRun run) {
    out.printf(
        Locale.ROOT,
        "%s: %d records in %d ms: %d records/s (submission to completion: MiniCluster start-up,"
            + " reading, processing, final checkpoint and commit)%n",
        run.name(),
        run.records(),
        run.millis(),
        run.recordsPerSecond());
    out.printf(
        Locale.ROOT,
        "%s: first record read at +%d ms, all input read at +%d ms; %d records/s after start-up"
            + " (first record read to completion); Flink net runtime %d ms%n",
        run.name(),
        run.firstRecordAtMillis(),
        run.allReadAtMillis(),
        run.afterStartUpRecordsPerSecond(),
        run.flinkNetRuntimeMillis());
    out.printf(
        Locale.ROOT,
        "%s: %d ms CPU time of this process (%d cores): %d records per CPU-second%n",
        run.name(),
        run.cpuMillis(),
        Runtime.getRuntime().availableProcessors(),
        run.recordsPerCpuSecond());
    out.flush();
  }

  private static void printSummary(PrintWriter out, Result r) {
    MatchCounts expected = r.workload().expected();
    Map<MatchLevel, Long> foundLevels = r.found().matchesByLevel();
    StringBuilder levels = new StringBuilder();
    expected
        .matchesByLevel()
        .forEach(
            (level, count) ->
                levels
                    .append(levels.length() == 0 ? "" : ", ")
                    .append(level)
                    .append(' ')
                    .append(foundLevels.getOrDefault(level, 0L))
                    .append('/')
                    .append(count));
    out.println("matches per level (found/expected): " + levels);
    for (String key : union(expected.matchesByRule(), r.found().matchesByRule())) {
      out.printf(
          Locale.ROOT,
          "  %s: %d/%d%n",
          key,
          r.found().matchesByRule().getOrDefault(key, 0L),
          expected.matchesByRule().getOrDefault(key, 0L));
    }
    for (String key : union(expected.exceptionsByReason(), r.found().exceptionsByReason())) {
      out.printf(
          Locale.ROOT,
          "exceptions %s (found/expected): %d/%d%n",
          key,
          r.found().exceptionsByReason().getOrDefault(key, 0L),
          expected.exceptionsByReason().getOrDefault(key, 0L));
    }
    out.printf(
        Locale.ROOT,
        "journal entries (found/expected): %d/%d%n",
        r.found().journalEntries(),
        expected.journalEntries());
    out.printf(
        Locale.ROOT,
        "pass-through copies (found/expected): %d/%d%n",
        r.copied(),
        r.workload().records());
    out.printf(
        Locale.ROOT,
        "matching job: %d records/s (target >= %d: %s)%n",
        r.matching().recordsPerSecond(),
        TARGET_RECORDS_PER_SECOND,
        r.matching().recordsPerSecond() >= TARGET_RECORDS_PER_SECOND ? "met" : "NOT met");
    out.printf(
        Locale.ROOT,
        "matching/pass-through ratio: %.2f (target >= %.2f: %s); after start-up: %.2f%n",
        r.ratio(),
        TARGET_RATIO,
        r.ratio() >= TARGET_RATIO ? "met" : "NOT met",
        (double) r.matching().afterStartUpRecordsPerSecond()
            / r.passThrough().afterStartUpRecordsPerSecond());
    out.printf(
        Locale.ROOT,
        "matching/pass-through ratio per CPU-second: %.2f%n",
        (double) r.matching().recordsPerCpuSecond() / r.passThrough().recordsPerCpuSecond());
    for (JobRun run : List.of(r.matching(), r.passThrough())) {
      out.println(run.name() + " operators (records in / out, all subtasks):");
      for (OperatorMetrics.OperatorCount op : run.operators()) {
        out.printf(Locale.ROOT, "  %s: %d / %d%n", op.operator(), op.recordsIn(), op.recordsOut());
      }
    }
    out.flush();
  }

  private static SortedSet<String> union(Map<String, Long> a, Map<String, Long> b) {
    SortedSet<String> keys = new TreeSet<>(a.keySet());
    keys.addAll(b.keySet());
    return keys;
  }

  /** The platform's job settings at this parallelism, restarts off: a failure must show. */
  private static PlatformConfig benchConfig(int parallelism, Duration checkpointInterval) {
    return new PlatformConfig(
        null,
        parallelism,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        parallelism,
        checkpointInterval,
        0);
  }

  private static Map<String, Map<TopicPartition, Long>> endOffsets(
      String bootstrap, List<String> topics) throws Exception {
    Map<String, Map<TopicPartition, Long>> ends = new HashMap<>();
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get();
      Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
      described.forEach(
          (topic, d) ->
              d.partitions()
                  .forEach(
                      p ->
                          wanted.put(
                              new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
      admin
          .listOffsets(wanted)
          .all()
          .get()
          .forEach(
              (tp, info) ->
                  ends.computeIfAbsent(tp.topic(), t -> new HashMap<>()).put(tp, info.offset()));
    }
    return ends;
  }

  private static byte[] tenantKey(String tenant) {
    return tenant.getBytes(StandardCharsets.UTF_8);
  }

  private static long perSecond(long records, long millis) {
    return millis <= 0 ? records * 1_000 : records * 1_000 / millis;
  }

  /** CPU time of every thread of this JVM so far; -1 where the JVM does not tell. */
  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : -1;
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
