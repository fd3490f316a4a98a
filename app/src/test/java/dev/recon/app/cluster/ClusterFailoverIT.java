package dev.recon.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.app.cli.ReconCommand;
import dev.recon.app.cluster.ClusterJobs.Job;
import dev.recon.app.pipeline.TopicReader;
import dev.recon.app.platform.DatabaseEndpoints;
import dev.recon.app.platform.HostAndPort;
import dev.recon.app.platform.Platform;
import dev.recon.app.platform.PlatformConfig;
import dev.recon.generator.GeneratedWorld;
import dev.recon.generator.GeneratorSpec;
import dev.recon.generator.NoiseRates;
import dev.recon.generator.World;
import dev.recon.generator.WorldFiles;
import dev.recon.ingestion.file.FileIngestor;
import dev.recon.ingestion.file.IngestOutcome;
import dev.recon.ingestion.file.RawFile;
import dev.recon.ledger.db.JournalLine;
import dev.recon.ledger.db.LedgerDatabase;
import dev.recon.ledger.db.LedgerPartitions;
import dev.recon.ledger.db.LedgerQueries;
import dev.recon.normalization.format.Format;
import dev.recon.normalization.format.FormatDetector;
import dev.recon.reporting.ExceptionRow;
import dev.recon.reporting.MatchRow;
import dev.recon.schemas.DeadLetter;
import dev.recon.schemas.ExceptionResolution;
import dev.recon.schemas.JournalEntry;
import dev.recon.schemas.Match;
import dev.recon.schemas.ReconException;
import dev.recon.schemas.kafka.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 8's failover measure: recon's jobs, deployed from recon-jobs.jar through Flink's REST API
 * ({@link JobDeployment}, what {@code recon submit} does), run on a Flink session cluster of
 * separate processes (a JobManager and two TaskManagers, from the Maven class path) against a Kafka
 * broker in its own process and PostgreSQL. A generated world goes through them while TaskManagers
 * are SIGKILLed at seeded moments (each replaced at once). The ledger must then equal, entry for
 * entry, that of a failure-free {@code recon reconcile} of the same world; so must the matches and
 * the exceptions, which with the dead letters account for every source record.
 *
 * <p>So that the two runs can be compared record for record, the streaming match job decides every
 * key at its window's end (as a bounded run does) and lets event time run far behind the data; once
 * the world is normalized, small far-future worlds of another tenant move event time past every
 * window on every source. Rerun a seed with {@code -Drecon.cluster.seed=N}.
 */
class ClusterFailoverIT {
  private static final int ORDERS = 600;
  private static final int KILLS = 3;
  private static final int TASK_MANAGERS = 2;
  private static final String TENANT = "cluster";
  private static final String FLUSH_TENANT = "flush";
  private static final long FLUSH_SEED = 2030L;
  private static final java.time.LocalDate FLUSH_DAY = java.time.LocalDate.of(2030, 1, 1);

  /** Longer than the world's time span, so event time never overtakes a world record. */
  private static final Duration MAX_OUT_OF_ORDERNESS = Duration.ofDays(300);

  /** A drained input stops holding event time back after this. */
  private static final Duration SOURCE_IDLENESS = Duration.ofSeconds(3);

  private static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(1);
  private static final Duration STARTUP_WAIT = Duration.ofSeconds(90);
  private static final Duration NORMALIZED_WAIT = Duration.ofSeconds(150);
  private static final Duration COMPLETE_WAIT = Duration.ofSeconds(180);
  private static final Duration RECOVERY_WAIT = Duration.ofSeconds(90);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration PULSE_INTERVAL = Duration.ofSeconds(2);

  @TempDir Path tmp;

  @Test
  @Timeout(value = 20, unit = TimeUnit.MINUTES)
  void theLedgerAfterTaskManagerKillsEqualsAFailureFreeRun() throws Exception {
    long seed =
        Long.getLong("recon.cluster.seed", new SplittableRandom().nextLong() & Long.MAX_VALUE);
    SplittableRandom random = new SplittableRandom(seed);
    long startedAt = System.nanoTime();
    GeneratorSpec spec = GeneratorSpec.of(seed, ORDERS).withTenant(TENANT);
    GeneratedWorld world = World.generate(spec);
    WorldFiles files = world.writeTo(tmp.resolve("world"));
    Instant asOf = spec.lastDay().plusDays(60).atStartOfDay().toInstant(ZoneOffset.UTC);
    System.out.printf(
        "cluster failover: seed=%d orders=%d records=%d kills=%d%n",
        seed, ORDERS, world.records().size(), KILLS);

    // the cluster's processes boot while the reference runs; they are idle until the jobs come
    // under target/, not a temp dir: the processes' logs stay for a look after a failure
    Path clusterDir = Path.of("target", "cluster-failover", "seed-" + seed).toAbsolutePath();
    deleteTree(clusterDir);
    Files.createDirectories(clusterDir);
    ReferenceRun reference = referenceRun(files, asOf);
    long referenceEntries = reference.journal().stream().map(r -> r.get(0)).distinct().count();
    System.out.printf(
        "reference (recon reconcile, no failures): %d match rows, %d exception rows, %d"
            + " entries, %d postings, after %d s%n",
        reference.matches().size(),
        reference.exceptions().size(),
        referenceEntries,
        reference.journal().size(),
        seconds(startedAt));
    long clusterStart = System.nanoTime();
    try (ChildJvm kafka = startKafka(clusterDir);
        StandaloneFlinkCluster flink = StandaloneFlinkCluster.start(clusterDir, TASK_MANAGERS)) {
      System.out.printf(
          "JobManager and %d TaskManagers registered after %d s%n",
          TASK_MANAGERS, seconds(clusterStart));
      String bootstrap =
          kafka
              .awaitLog(Pattern.compile(KafkaBrokerProcess.READY + "(\\S+)"), 180)
              .orElseThrow(() -> new AssertionError("Kafka did not start\n" + kafka.tail(80)));
      try (Platform platform =
          Platform.start(
              PlatformConfig.embedded().withKafka(bootstrap),
              db -> prepareDatabase(db, spec.firstDay().withDayOfMonth(1)))) {
        try {
          runWithKills(platform, flink, files, reference, referenceEntries, asOf, random);
        } catch (Throwable failure) {
          System.out.println(flink.diagnostics(60));
          System.out.println(kafka.tail(30));
          throw failure;
        }
        System.out.printf("cluster failover: done in %d s (seed %d)%n", seconds(startedAt), seed);
      }
    }
  }

  private void runWithKills(
      Platform platform,
      StandaloneFlinkCluster flink,
      WorldFiles files,
      ReferenceRun reference,
      long referenceEntries,
      Instant asOf,
      SplittableRandom random)
      throws Exception {
    DatabaseEndpoints db = platform.database();
    Path passwordFile = Files.writeString(tmp.resolve("db-password"), db.appPassword());
    FlinkRestClient rest = new FlinkRestClient(new HostAndPort("127.0.0.1", flink.restPort()));
    awaitRestApi(rest);
    List<String> jobArgs =
        List.of(
            "--kafka",
            platform.kafkaBootstrap(),
            "--checkpoint-interval",
            CHECKPOINT_INTERVAL.toString(),
            "--restart-attempts",
            "100",
            "--max-out-of-orderness",
            MAX_OUT_OF_ORDERNESS.toString(),
            "--source-idleness",
            SOURCE_IDLENESS.toString(),
            "--decide-at-window-end",
            "--as-of",
            asOf.toString());
    Function<Job, List<String>> programArgs =
        job -> {
          List<String> args = new ArrayList<>(jobArgs);
          if (job == Job.match) {
            args.addAll(
                List.of(
                    "--db-url", db.appUrl(),
                    "--db-user", db.appUser(),
                    "--db-password-file", passwordFile.toString()));
          }
          return args;
        };
    List<JobDeployment.Deployed> deployed =
        new JobDeployment(rest)
            .deploy(
                new JobDeployment.Plan(
                    Path.of("target", "recon-jobs.jar"),
                    List.of(Job.normalize, Job.match),
                    programArgs,
                    2,
                    false,
                    null,
                    Optional.empty(),
                    Duration.ofMinutes(1)));
    System.out.println("submitted through the REST API: " + deployed);

    long runStart = System.nanoTime();
    List<String> kills = new ArrayList<>();
    try (Producer<String, byte[]> producer =
        FileIngestor.reliableProducer(platform.kafkaBootstrap())) {
      FileIngestor ingestor = new FileIngestor(producer, Topics.RAW, Clock.systemUTC());
      publishWorld(ingestor, files, TENANT);

      // first kill while the world is normalized and its records wait in the match job's state
      Thread.sleep(1_000 + random.nextInt(3_000));
      kills.add(kill(flink, random, runStart));
      awaitNormalized(platform.kafkaBootstrap());

      // event time moves on: every window closes; kills while matches and entries are written
      int pulse = 0;
      publishFlush(ingestor, pulse++);
      long nextKillAt =
          System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500 + random.nextInt(2_500));
      TopicReader reader = new TopicReader(platform.kafka(), Topics.MAX_MESSAGE_BYTES);
      LedgerQueries ledger = new LedgerQueries(db.appDataSource());
      long deadline = System.nanoTime() + COMPLETE_WAIT.toNanos();
      long nextPulseAt = System.nanoTime() + PULSE_INTERVAL.toNanos();
      Instant lastKillAt = Instant.now();
      while (System.nanoTime() < deadline) {
        if (kills.size() < KILLS && System.nanoTime() >= nextKillAt) {
          kills.add(kill(flink, random, runStart));
          lastKillAt = Instant.now();
          nextKillAt =
              System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(3_000 + random.nextInt(4_000));
        }
        if (kills.size() == KILLS
            && ledger.entryCount(TENANT) >= referenceEntries
            && reader.readAll(Topics.MATCHES, Match.class).size() >= reference.matchCount()
            && tenantExceptions(reader).size() >= reference.exceptionCount()) {
          break;
        }
        // restarted sources emit no watermark until they read again: keep event time moving
        if (System.nanoTime() >= nextPulseAt) {
          publishFlush(ingestor, pulse++);
          nextPulseAt = System.nanoTime() + PULSE_INTERVAL.toNanos();
        }
        Thread.sleep(POLL.toMillis());
      }
      System.out.printf(
          "cluster run: %d s after the world was published; kills %s%n", seconds(runStart), kills);
      // the jobs recovered from the last kill and checkpointed since: what the restored tasks
      // replayed has been written, so anything doubled would show up now
      awaitCheckpointAfter(rest, deployed, lastKillAt);
      // recon.journal's transactions commit when their checkpoint completes, just after the ledger
      long journalDeadline = System.nanoTime() + RECOVERY_WAIT.toNanos();
      while (journalEntryIds(reader).size() < ledger.entryCount(TENANT)
          && System.nanoTime() < journalDeadline) {
        Thread.sleep(POLL.toMillis());
      }
      compare(reference, reader, ledger, asOf, kills);
    }
  }

  private void compare(
      ReferenceRun reference,
      TopicReader reader,
      LedgerQueries ledger,
      Instant asOf,
      List<String> kills) {
    List<Match> matches =
        reader.readAll(Topics.MATCHES, Match.class).stream()
            .filter(m -> m.getTenantId().equals(TENANT))
            .toList();
    List<ReconException> exceptions = tenantExceptions(reader);
    List<DeadLetter> deadLetters =
        reader.readAll(Topics.DEAD_LETTERS, DeadLetter.class).stream()
            .filter(d -> TENANT.equals(d.getProvenance().getTenantId()))
            .toList();
    List<ExceptionResolution> resolutions =
        reader.readAll(Topics.EXCEPTION_RESOLUTIONS, ExceptionResolution.class);

    List<String> clusterMatchRows =
        MatchRow.allOf(matches).stream()
            .map(
                r ->
                    String.join(
                        ",",
                        r.matchId(),
                        r.level().name(),
                        r.rule(),
                        r.recordKind().name(),
                        r.recordId(),
                        Long.toString(r.amountMinor()),
                        r.currency()))
            .sorted()
            .toList();
    List<String> referenceMatchRows =
        reference.matches().stream().map(r -> String.join(",", r.subList(0, 7))).sorted().toList();
    List<String> clusterExceptionRows = new ArrayList<>();
    exceptions.forEach(e -> clusterExceptionRows.add(exceptionRow(ExceptionRow.of(e, asOf))));
    deadLetters.forEach(d -> clusterExceptionRows.add(exceptionRow(ExceptionRow.of(d, asOf))));
    clusterExceptionRows.sort(null);
    List<String> referenceExceptionRows =
        reference.exceptions().stream()
            .map(r -> String.join(",", r.subList(0, 6)))
            .sorted()
            .toList();

    List<String> matchIds = matches.stream().map(Match::getMatchId).distinct().toList();
    List<String> clusterJournal =
        ledger.journalLines(TENANT, matchIds).stream()
            .map(ClusterFailoverIT::journalRow)
            .sorted()
            .toList();
    List<String> referenceJournal =
        reference.journal().stream()
            .map(
                r ->
                    String.join(
                        ",", r.get(0), r.get(2), r.get(3), r.get(4), r.get(5), r.get(6), r.get(7)))
            .sorted()
            .toList();
    long clusterEntries = ledger.entryCount(TENANT);
    long referenceEntries = reference.journal().stream().map(r -> r.get(0)).distinct().count();

    System.out.printf(
        "compared after %d kills %s: %d match rows (reference %d), %d exception rows (reference"
            + " %d), %d entries / %d postings (reference %d / %d), %d resolutions%n",
        kills.size(),
        kills,
        clusterMatchRows.size(),
        referenceMatchRows.size(),
        clusterExceptionRows.size(),
        referenceExceptionRows.size(),
        clusterEntries,
        clusterJournal.size(),
        referenceEntries,
        referenceJournal.size(),
        resolutions.size());

    SoftAssertions soft = new SoftAssertions();
    soft.assertThat(kills).as("TaskManagers killed").hasSize(KILLS);
    soft.assertThat(duplicates(matches, Match::getMatchId)).as("matches published twice").isEmpty();
    soft.assertThat(duplicates(exceptions, ReconException::getExceptionId))
        .as("exceptions published twice")
        .isEmpty();
    soft.assertThat(clusterJournal)
        .as("journal lines, entry for entry")
        .isEqualTo(referenceJournal);
    soft.assertThat(clusterEntries).as("journal entries of the tenant").isEqualTo(referenceEntries);
    soft.assertThat(ledger.unbalancedEntries(TENANT)).as("unbalanced entries").isEmpty();
    List<String> published = journalEntryIds(reader);
    soft.assertThat(published)
        .as("entries published to recon.journal twice")
        .doesNotHaveDuplicates();
    soft.assertThat(new java.util.TreeSet<>(published))
        .as("entries on recon.journal, those in the ledger")
        .isEqualTo(
            new java.util.TreeSet<>(
                clusterJournal.stream()
                    .map(line -> line.substring(0, line.indexOf(',')))
                    .toList()));
    soft.assertThat(clusterMatchRows).as("matches.csv rows").isEqualTo(referenceMatchRows);
    soft.assertThat(clusterExceptionRows)
        .as("exceptions.csv rows (breaks and dead letters)")
        .isEqualTo(referenceExceptionRows);
    soft.assertThat(resolutions).as("breaks resolved late: nothing was late").isEmpty();
    soft.assertAll();
  }

  private static String exceptionRow(ExceptionRow r) {
    return String.join(
        ",",
        r.exceptionId(),
        r.reason(),
        r.recordKind().name(),
        r.recordId(),
        Long.toString(r.amountMinor()),
        r.currency());
  }

  private static String journalRow(JournalLine l) {
    return String.join(
        ",",
        l.entryId(),
        l.account(),
        Long.toString(l.debitMinor()),
        Long.toString(l.creditMinor()),
        l.currency(),
        l.sourceKind(),
        l.sourceId());
  }

  private static <T> Map<String, Long> duplicates(List<T> records, Function<T, String> id) {
    Map<String, Long> counts = new TreeMap<>();
    records.forEach(r -> counts.merge(id.apply(r), 1L, Long::sum));
    counts.values().removeIf(c -> c == 1);
    return counts;
  }

  private static List<String> journalEntryIds(TopicReader reader) {
    return reader.readAll(Topics.JOURNAL, JournalEntry.class).stream()
        .filter(e -> e.getTenantId().equals(TENANT))
        .map(JournalEntry::getEntryId)
        .toList();
  }

  private static List<ReconException> tenantExceptions(TopicReader reader) {
    return reader.readAll(Topics.EXCEPTIONS, ReconException.class).stream()
        .filter(e -> e.getTenantId().equals(TENANT))
        .toList();
  }

  private static String kill(StandaloneFlinkCluster flink, SplittableRandom random, long runStart)
      throws IOException, InterruptedException {
    flink.reviveDeadTaskManagers();
    int index = random.nextInt(flink.taskManagers().size());
    ChildJvm victim = flink.killAndReplace(index);
    String kill =
        victim.name() + "@" + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - runStart) + "ms";
    System.out.println("SIGKILL " + kill + " (pid " + victim.pid() + "), replacement started");
    return kill;
  }

  /** The failure-free run: {@code recon reconcile} of the same files, in this JVM. */
  private ReferenceRun referenceRun(WorldFiles files, Instant asOf) throws IOException {
    Path out = tmp.resolve("reference");
    List<String> args = new ArrayList<>(List.of("reconcile", "--tenant", TENANT));
    args.addAll(List.of("--expected", files.expected().toString()));
    args.add("--psp");
    files.psp().forEach(f -> args.add(f.toString()));
    args.add("--bank");
    files.bank().forEach(f -> args.add(f.toString()));
    args.addAll(List.of("--as-of", asOf.toString()));
    args.addAll(
        List.of("--out", out.toString(), "--data-dir", tmp.resolve("reference-data").toString()));
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    int exit =
        new CommandLine(new ReconCommand())
            .setOut(new PrintWriter(stdout, true))
            .setErr(new PrintWriter(stderr, true))
            .execute(args.toArray(String[]::new));
    assertThat(exit).as("recon reconcile\n" + stdout + "\n" + stderr).isZero();
    return ReferenceRun.read(out);
  }

  /** Publishes the world's files as recon reconcile does: one raw record each, format detected. */
  private static void publishWorld(FileIngestor ingestor, WorldFiles files, String tenant)
      throws IOException {
    Map<Path, String> roles = new HashMap<>();
    roles.put(files.expected(), "expected");
    files.psp().forEach(f -> roles.put(f, "psp"));
    files.bank().forEach(f -> roles.put(f, "bank"));
    List<Path> inputs = new ArrayList<>(List.of(files.expected()));
    inputs.addAll(files.psp());
    inputs.addAll(files.bank());
    for (Path file : inputs) {
      byte[] head;
      try (InputStream in = Files.newInputStream(file)) {
        head = in.readNBytes(64 * 1024);
      }
      IngestOutcome outcome =
          ingestor.ingest(
              file,
              new RawFile.Origin(
                  tenant,
                  "file:" + roles.get(file).toLowerCase(Locale.ROOT),
                  null,
                  file.getFileName().toString(),
                  FormatDetector.detect(head).map(Format::cliName).orElse(null)));
      assertThat(outcome).as(file.toString()).isInstanceOf(IngestOutcome.Published.class);
    }
  }

  /**
   * A one-order world of another tenant, dated far after this one, published as its files: every
   * source of the match job (expected payments, PSP events, bank lines) reads a record whose event
   * time lies beyond every window of the world. A restarted source emits no watermark until it
   * reads again, and an input with nothing new goes idle and no longer moves event time on, so each
   * source needs fresh records after every restart. Its own windows never close: event time stays
   * {@link #MAX_OUT_OF_ORDERNESS} behind them, so it books nothing.
   */
  private void publishFlush(FileIngestor ingestor, int pulse) throws IOException {
    GeneratorSpec flush =
        new GeneratorSpec(
            FLUSH_SEED + pulse,
            FLUSH_TENANT,
            1,
            FLUSH_DAY,
            1,
            List.of("EUR"),
            0.0,
            NoiseRates.none(),
            2,
            500);
    WorldFiles files =
        World.generate(flush).writeTo(tmp.resolve("flush").resolve("pulse-" + pulse));
    publishWorld(ingestor, files, FLUSH_TENANT);
  }

  /**
   * The normalize job committed its reading of the whole raw topic, and the canonical topics stop
   * growing: everything the world holds is there for the match job.
   */
  private static void awaitNormalized(String bootstrap) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      long deadline = System.nanoTime() + NORMALIZED_WAIT.toNanos();
      Map<TopicPartition, Long> last = Map.of();
      while (true) {
        assertThat(System.nanoTime()).as("world normalized in time").isLessThan(deadline);
        Map<TopicPartition, Long> canonical = new HashMap<>();
        for (String topic :
            List.of(
                Topics.EXPECTED_PAYMENTS,
                Topics.PAYMENT_EVENTS,
                Topics.BANK_LINES,
                Topics.DEAD_LETTERS)) {
          canonical.putAll(endOffsets(admin, topic));
        }
        if (consumed(admin, Topics.RAW, "recon-normalize") && canonical.equals(last)) {
          return;
        }
        last = canonical;
        Thread.sleep(2 * CHECKPOINT_INTERVAL.toMillis() + 500);
      }
    }
  }

  private static boolean consumed(Admin admin, String topic, String group) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    return endOffsets(admin, topic).entrySet().stream()
        .allMatch(
            e ->
                e.getValue() == 0
                    || (committed.get(e.getKey()) != null
                        && committed.get(e.getKey()).offset() >= e.getValue()));
  }

  private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws Exception {
    int partitions =
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    for (int i = 0; i < partitions; i++) {
      request.put(new TopicPartition(topic, i), OffsetSpec.latest());
    }
    Map<TopicPartition, Long> ends = new HashMap<>();
    admin.listOffsets(request).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
    return ends;
  }

  /** Waits until every job completed a checkpoint triggered after {@code moment}. */
  private static void awaitCheckpointAfter(
      FlinkRestClient rest, List<JobDeployment.Deployed> jobs, Instant moment)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + RECOVERY_WAIT.toNanos();
    for (JobDeployment.Deployed job : jobs) {
      while (!rest.latestCompletedCheckpoint(job.jobId()).filter(moment::isBefore).isPresent()) {
        assertThat(System.nanoTime())
            .as(job.job() + " checkpointed after the last kill")
            .isLessThan(deadline);
        Thread.sleep(POLL.toMillis());
      }
    }
  }

  private static void awaitRestApi(FlinkRestClient rest) throws InterruptedException {
    long deadline = System.nanoTime() + STARTUP_WAIT.toNanos();
    while (true) {
      try {
        rest.jobs();
        return;
      } catch (IOException e) {
        assertThat(System.nanoTime()).as("JobManager REST API up: " + e).isLessThan(deadline);
        Thread.sleep(POLL.toMillis());
      }
    }
  }

  private ChildJvm startKafka(Path dir) throws IOException {
    return ChildJvm.start(
        "kafka",
        ChildJvm.testClassPath(),
        List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
        KafkaBrokerProcess.class.getName(),
        List.of(dir.resolve("kafka-data").toString()),
        dir.resolve("logs"));
  }

  private static void prepareDatabase(DatabaseEndpoints db, java.time.LocalDate firstMonth) {
    LedgerDatabase.migrate(db.ownerDataSource());
    LedgerPartitions.ensureAhead(db.ownerDataSource(), YearMonth.from(firstMonth), 6);
    LedgerDatabase.provisionAppLogin(
        db.ownerDataSource(), db.appUser(), db.appPassword().toCharArray());
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static long seconds(long since) {
    return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - since);
  }
}
