package dev.recon.app.platform;

import dev.recon.app.observability.FlinkMetricsBridge;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Makes the {@link StreamExecutionEnvironment} a job runs in: a local MiniCluster inside this JVM
 * (bound to 127.0.0.1) or a remote JobManager that receives the jar of the running code. Both get
 * the same job settings: exactly-once checkpoints, no fallback to Kryo for generic types, and an
 * explicit restart strategy.
 */
public final class FlinkEnvironments {
  /** Pause between restarts of a failed job. */
  public static final Duration RESTART_DELAY = Duration.ofSeconds(1);

  private static final String RESTART_NONE = "none";
  private static final String RESTART_FIXED_DELAY = "fixed-delay";
  private static final String FILESYSTEM_STORAGE = "filesystem";

  private final HostAndPort jobManager;
  private final List<Path> jobJars;
  private final Configuration configuration;

  private FlinkEnvironments(
      HostAndPort jobManager, List<Path> jobJars, Configuration configuration) {
    this.jobManager = jobManager;
    this.jobJars = List.copyOf(jobJars);
    this.configuration = configuration;
  }

  /**
   * Local MiniClusters, one per job, keeping checkpoints under {@code checkpointDir}.
   *
   * @param checkpointDir where the filesystem checkpoint storage writes; created by Flink
   */
  public static FlinkEnvironments local(PlatformConfig config, Path checkpointDir) {
    Configuration c = jobConfiguration(config);
    c.set(CheckpointingOptions.CHECKPOINT_STORAGE, FILESYSTEM_STORAGE);
    c.set(
        CheckpointingOptions.CHECKPOINTS_DIRECTORY,
        checkpointDir.toAbsolutePath().toUri().toString());
    // The MiniCluster opens a REST endpoint and a blob server; neither may face the network.
    c.set(JobManagerOptions.ADDRESS, LoopbackPorts.HOST);
    c.set(JobManagerOptions.BIND_HOST, LoopbackPorts.HOST);
    c.set(TaskManagerOptions.HOST, LoopbackPorts.HOST);
    c.set(TaskManagerOptions.BIND_HOST, LoopbackPorts.HOST);
    c.set(RestOptions.ADDRESS, LoopbackPorts.HOST);
    c.set(RestOptions.BIND_ADDRESS, LoopbackPorts.HOST);
    // The jobs share this process, so their metrics join the process's /metrics endpoint.
    FlinkMetricsBridge.configure(c);
    return new FlinkEnvironments(null, List.of(), c);
  }

  /**
   * The remote JobManager at {@code config.flinkJobManager()}, shipping the packaged recon jar and
   * the libraries its jobs need; checkpoint storage is the cluster's.
   *
   * @throws IllegalStateException if this code does not run from the packaged jar
   */
  public static FlinkEnvironments remote(PlatformConfig config) {
    return remote(config, JobJars.ofRunningCode());
  }

  /** The remote JobManager at {@code config.flinkJobManager()}, shipping {@code jobJars}. */
  public static FlinkEnvironments remote(PlatformConfig config, List<Path> jobJars) {
    if (config.flinkJobManager() == null) {
      throw new IllegalArgumentException("No Flink JobManager configured");
    }
    return new FlinkEnvironments(config.flinkJobManager(), jobJars, jobConfiguration(config));
  }

  /** The settings every job gets, local or remote. */
  static Configuration jobConfiguration(PlatformConfig config) {
    Configuration c = new Configuration();
    c.set(PipelineOptions.GENERIC_TYPES, false);
    c.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, config.checkpointInterval());
    c.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
    if (config.restartAttempts() == 0) {
      c.set(RestartStrategyOptions.RESTART_STRATEGY, RESTART_NONE);
    } else {
      c.set(RestartStrategyOptions.RESTART_STRATEGY, RESTART_FIXED_DELAY);
      c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, config.restartAttempts());
      c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, RESTART_DELAY);
    }
    c.set(CoreOptions.DEFAULT_PARALLELISM, config.parallelism());
    return c;
  }

  public boolean local() {
    return jobManager == null;
  }

  /** A copy of the configuration every new environment starts from. */
  public Configuration configuration() {
    return new Configuration(configuration);
  }

  /** The jars shipped with each job to a remote cluster; empty for the local MiniCluster. */
  public List<Path> jobJars() {
    return jobJars;
  }

  /**
   * A new environment for one job. Locally, {@code execute()} starts a MiniCluster for the job and
   * stops it when the job ends; remotely, the job jars are shipped with the job.
   */
  public StreamExecutionEnvironment create() {
    return create(configuration());
  }

  /**
   * A new environment whose job starts from the state in {@code savepoint} (a savepoint or retained
   * checkpoint directory), so a long-running job keeps its open items across a restart.
   */
  public StreamExecutionEnvironment restoringFrom(String savepoint) {
    Configuration c = configuration();
    c.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
    return create(c);
  }

  private StreamExecutionEnvironment create(Configuration c) {
    int parallelism = c.get(CoreOptions.DEFAULT_PARALLELISM);
    if (jobManager == null) {
      return StreamExecutionEnvironment.createLocalEnvironment(parallelism, c);
    }
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.createRemoteEnvironment(
            jobManager.host(),
            jobManager.port(),
            c,
            jobJars.stream().map(Path::toString).toArray(String[]::new));
    env.setParallelism(parallelism);
    return env;
  }
}
