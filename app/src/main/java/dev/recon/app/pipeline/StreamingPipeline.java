package dev.recon.app.pipeline;

import dev.recon.app.platform.FlinkEnvironments;
import dev.recon.ledger.sink.LedgerConnectionSpec;
import dev.recon.matching.job.MatchingSettings;
import dev.recon.schemas.kafka.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-running jobs of {@code recon run}: normalization (raw topic to canonical topics) and
 * matching with the ledger sink (canonical topics and manual decisions to matches, exceptions and
 * the ledger), over the platform's main topics. Each job starts from its latest savepoint, if any,
 * and {@link #stop} takes a new one, so open items in keyed state survive restarts and upgrades.
 */
public final class StreamingPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(StreamingPipeline.class);

  public static final String NORMALIZE_JOB = "recon-normalize";
  public static final String MATCH_JOB = "recon-match";

  /** A savepoint of a large matching state can take a while; beyond this, stopping fails loudly. */
  public static final Duration STOP_TIMEOUT = Duration.ofMinutes(5);

  /** A running job and the savepoint it started from, if any. */
  public record RunningJob(String name, JobClient client, Optional<String> restoredFrom) {}

  private final List<RunningJob> jobs;
  private final SavepointStore savepoints;

  private StreamingPipeline(List<RunningJob> jobs, SavepointStore savepoints) {
    this.jobs = List.copyOf(jobs);
    this.savepoints = savepoints;
  }

  /** Starts the jobs booking by the built-in posting table. */
  public static StreamingPipeline start(
      PipelineContext context,
      FlinkEnvironments flink,
      SavepointStore savepoints,
      MatchingSettings settings)
      throws Exception {
    return start(context, flink, savepoints, settings, TenantPostingTables.builtIn());
  }

  /** Starts the jobs; the matching job books each tenant's matches by its posting table. */
  public static StreamingPipeline start(
      PipelineContext context,
      FlinkEnvironments flink,
      SavepointStore savepoints,
      MatchingSettings settings,
      TenantPostingTables postingTables)
      throws Exception {
    KafkaEndpoints kafka = new KafkaEndpoints(context.kafka(), Topics.MAX_MESSAGE_BYTES);
    List<RunningJob> started = new ArrayList<>();
    try {
      Optional<String> normalizeFrom = savepoints.latest(NORMALIZE_JOB);
      StreamExecutionEnvironment normalizeEnv = environment(flink, normalizeFrom);
      PipelineJobs.addNormalization(normalizeEnv, kafka);
      started.add(
          new RunningJob(NORMALIZE_JOB, normalizeEnv.executeAsync(NORMALIZE_JOB), normalizeFrom));

      Optional<String> matchFrom = savepoints.latest(MATCH_JOB);
      StreamExecutionEnvironment matchEnv = environment(flink, matchFrom);
      PipelineContext.AppDatabase db = context.appDatabase();
      PipelineJobs.addMatching(
          matchEnv,
          kafka,
          new LedgerConnectionSpec(db.jdbcUrl(), db.user(), db.password()),
          postingTables,
          settings);
      started.add(new RunningJob(MATCH_JOB, matchEnv.executeAsync(MATCH_JOB), matchFrom));
    } catch (Exception e) {
      started.forEach(j -> j.client().cancel());
      throw e;
    }
    started.forEach(
        j ->
            LOG.info(
                "started {} as {}{}",
                j.name(),
                j.client().getJobID(),
                j.restoredFrom().map(s -> " from savepoint " + s).orElse("")));
    return new StreamingPipeline(started, savepoints);
  }

  private static StreamExecutionEnvironment environment(
      FlinkEnvironments flink, Optional<String> savepoint) {
    return savepoint.map(flink::restoringFrom).orElseGet(flink::create);
  }

  public List<RunningJob> jobs() {
    return jobs;
  }

  /**
   * Stops every job with a savepoint (draining nothing: sources stop where they are, and the next
   * start resumes there) and remembers it as the job's latest.
   *
   * @throws Exception when a savepoint could not be taken; the job is then cancelled, and the next
   *     start resumes from the previous savepoint and the Kafka offsets committed with it
   */
  public void stop() throws Exception {
    Exception first = null;
    for (RunningJob job : jobs) {
      try {
        String path =
            job.client()
                .stopWithSavepoint(
                    false,
                    savepoints.directoryFor(job.name()).toUri().toString(),
                    SavepointFormatType.CANONICAL)
                .get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        savepoints.remember(job.name(), path);
        LOG.info("stopped {} with savepoint {}", job.name(), path);
      } catch (Exception e) {
        LOG.warn("{} could not take a savepoint; cancelling it", job.name(), e);
        job.client().cancel();
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
