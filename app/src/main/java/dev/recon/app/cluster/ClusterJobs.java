package dev.recon.app.cluster;

import dev.recon.app.pipeline.KafkaEndpoints;
import dev.recon.app.pipeline.PipelineJobs;
import dev.recon.app.pipeline.StreamingPipeline;
import dev.recon.app.platform.KafkaConnection;
import dev.recon.ledger.sink.LedgerConnectionSpec;
import dev.recon.matching.job.MatchingSettings;
import dev.recon.schemas.kafka.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The entry class of the job jar ({@code recon-jobs.jar}) on a Flink cluster: builds one of {@code
 * recon run}'s long-running jobs, exactly as {@link StreamingPipeline} does, in the environment the
 * cluster gives ({@code flink run}, the REST API's {@code /jars/:id/run}, or application mode). One
 * job per invocation, because a jar run through the REST API may submit only one.
 *
 * <p>Arguments: {@code --job normalize|match --kafka HOST:PORT [--db-url URL --db-user USER
 * (--db-password-file FILE | --db-password-env NAME)] [--checkpoint-interval 2s]
 * [--restart-attempts N] [--max-out-of-orderness 1h] [--source-idleness 1m]
 * [--decide-at-window-end] [--as-of INSTANT]}. The password never appears in the arguments, which
 * the cluster shows in its UI.
 */
@Command(name = "recon-cluster-job", mixinStandardHelpOptions = true)
public final class ClusterJobs implements Callable<Integer> {
  /** The jobs the jar can run, named as in {@code recon submit --job}. */
  public enum Job {
    normalize(StreamingPipeline.NORMALIZE_JOB),
    match(StreamingPipeline.MATCH_JOB);

    private final String flinkName;

    Job(String flinkName) {
      this.flinkName = flinkName;
    }

    /** The name the job runs under on the cluster, found again by {@code recon submit}. */
    public String flinkName() {
      return flinkName;
    }
  }

  /** Default password variable, read where the job's main runs (JobManager or client). */
  public static final String DEFAULT_PASSWORD_ENV = "RECON_APP_DB_PASSWORD";

  private static final int MAX_PASSWORD_FILE_BYTES = 4096;
  private static final int MAX_RESTART_ATTEMPTS = 1_000;

  @Option(names = "--job", required = true, description = "normalize or match")
  Job job;

  // Each defaults to the RECON_* variable recon run reads, so a Kubernetes deployment can pass
  // them from its ConfigMap and Secret as environment variables.
  @Option(
      names = "--kafka",
      paramLabel = "HOST:PORT,...",
      defaultValue = "${env:RECON_KAFKA}",
      description = "Kafka bootstrap servers (default: $RECON_KAFKA)")
  String kafka;

  @Option(
      names = "--db-url",
      paramLabel = "JDBC_URL",
      defaultValue = "${env:RECON_DB_URL}",
      description = "ledger database (match; default: $RECON_DB_URL)")
  String dbUrl;

  @Option(
      names = "--db-user",
      paramLabel = "USER",
      defaultValue = "${env:RECON_APP_DB_USER}",
      description = "application login (match; default: $RECON_APP_DB_USER)")
  String dbUser;

  @Option(names = "--db-password-file", paramLabel = "FILE")
  Path dbPasswordFile;

  @Option(names = "--db-password-env", paramLabel = "NAME", defaultValue = DEFAULT_PASSWORD_ENV)
  String dbPasswordEnv;

  @Option(names = "--checkpoint-interval", defaultValue = "PT2S", paramLabel = "DURATION")
  Duration checkpointInterval;

  @Option(names = "--restart-attempts", defaultValue = "100", paramLabel = "N")
  int restartAttempts;

  @Option(names = "--max-out-of-orderness", defaultValue = "PT1H", paramLabel = "DURATION")
  Duration maxOutOfOrderness;

  @Option(names = "--source-idleness", defaultValue = "PT1M", paramLabel = "DURATION")
  Duration sourceIdleness;

  @Option(
      names = "--decide-at-window-end",
      description =
          "decide every key when its window ends instead of on arrival: the same outcome for any"
              + " arrival order, as in a bounded run")
  boolean decideAtWindowEnd;

  @Option(names = "--as-of", paramLabel = "INSTANT", description = "the as-of of break ageing")
  Instant asOf;

  private final Map<String, String> environment;

  ClusterJobs(Map<String, String> environment) {
    this.environment = environment;
  }

  public static void main(String[] args) throws Exception {
    CommandLine cli = new CommandLine(new ClusterJobs(System.getenv()));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    CommandLine.ParseResult parsed;
    try {
      parsed = cli.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    if (CommandLine.printHelpIfRequested(parsed)) {
      return;
    }
    // exceptions go to the caller as they are: Flink reports them for the failed submission
    ((ClusterJobs) cli.getCommand()).call();
  }

  @Override
  public Integer call() throws Exception {
    if (kafka == null || kafka.isBlank()) {
      throw new IllegalArgumentException("--kafka (or RECON_KAFKA) is required");
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.configure(jobConfiguration(), ClusterJobs.class.getClassLoader());
    // plaintext: security settings for cluster jobs are not passed to ClusterJobs yet
    KafkaEndpoints endpoints =
        new KafkaEndpoints(KafkaConnection.plaintext(kafka), Topics.MAX_MESSAGE_BYTES);
    switch (job) {
      case normalize -> PipelineJobs.addNormalization(env, endpoints);
      case match -> PipelineJobs.addMatching(env, endpoints, ledger(), settings());
    }
    // detached: on a session cluster the main returns once the job is submitted
    env.executeAsync(job.flinkName());
    return 0;
  }

  /** The settings {@code FlinkEnvironments} gives every job, for the cluster's environment. */
  Configuration jobConfiguration() {
    if (checkpointInterval.compareTo(Duration.ofMillis(100)) < 0) {
      throw new IllegalArgumentException("--checkpoint-interval below 100 ms");
    }
    if (restartAttempts < 0 || restartAttempts > MAX_RESTART_ATTEMPTS) {
      throw new IllegalArgumentException("--restart-attempts outside 0.." + MAX_RESTART_ATTEMPTS);
    }
    Configuration c = new Configuration();
    c.set(PipelineOptions.GENERIC_TYPES, false);
    c.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, checkpointInterval);
    c.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
    if (restartAttempts == 0) {
      c.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    } else {
      c.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
      c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, restartAttempts);
      c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(1));
    }
    return c;
  }

  MatchingSettings settings() {
    MatchingSettings settings =
        MatchingSettings.streaming(maxOutOfOrderness, sourceIdleness)
            .withDecideOnArrival(!decideAtWindowEnd);
    return asOf == null ? settings : settings.withAsOf(asOf);
  }

  LedgerConnectionSpec ledger() throws IOException {
    if (dbUrl == null || dbUser == null) {
      throw new IllegalArgumentException("the match job needs --db-url and --db-user");
    }
    return new LedgerConnectionSpec(dbUrl, dbUser, password());
  }

  private String password() throws IOException {
    if (dbPasswordFile != null) {
      if (Files.size(dbPasswordFile) > MAX_PASSWORD_FILE_BYTES) {
        throw new IOException(dbPasswordFile + " is too large for a password file");
      }
      return Files.readString(dbPasswordFile, StandardCharsets.UTF_8).strip();
    }
    String password = environment.get(dbPasswordEnv);
    if (password == null || password.isEmpty()) {
      throw new IllegalArgumentException(
          "no database password: set " + dbPasswordEnv + " or pass --db-password-file");
    }
    return password;
  }
}
