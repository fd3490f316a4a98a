package dev.recon.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

class FlinkEnvironmentsTest {
  private static final Path CHECKPOINTS = Path.of("/data/recon/flink-checkpoints");

  @Test
  void everyJobGetsExactlyOnceCheckpointsAndNoKryoFallback() {
    PlatformConfig config = PlatformConfig.embedded().withFlink(3, Duration.ofSeconds(7), 2);

    Configuration c = FlinkEnvironments.local(config, CHECKPOINTS).configuration();

    assertThat(c.get(PipelineOptions.GENERIC_TYPES)).isFalse();
    assertThat(c.get(CheckpointingOptions.CHECKPOINTING_INTERVAL)).isEqualTo(Duration.ofSeconds(7));
    assertThat(c.get(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE))
        .isEqualTo(CheckpointingMode.EXACTLY_ONCE);
    assertThat(c.get(RestartStrategyOptions.RESTART_STRATEGY)).isEqualTo("fixed-delay");
    assertThat(c.get(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS)).isEqualTo(2);
  }

  @Test
  void zeroRestartAttemptsMeansNoRestarts() {
    PlatformConfig config = PlatformConfig.embedded().withFlink(2, Duration.ofSeconds(1), 0);

    Configuration c = FlinkEnvironments.local(config, CHECKPOINTS).configuration();

    assertThat(c.get(RestartStrategyOptions.RESTART_STRATEGY)).isEqualTo("none");
  }

  @Test
  void localClusterBindsLoopbackAndCheckpointsIntoTheDataDir() {
    Configuration c =
        FlinkEnvironments.local(PlatformConfig.embedded(), CHECKPOINTS).configuration();

    assertThat(c.get(JobManagerOptions.BIND_HOST)).isEqualTo("127.0.0.1");
    assertThat(c.get(TaskManagerOptions.BIND_HOST)).isEqualTo("127.0.0.1");
    assertThat(c.get(RestOptions.BIND_ADDRESS)).isEqualTo("127.0.0.1");
    assertThat(c.get(CheckpointingOptions.CHECKPOINT_STORAGE)).isEqualTo("filesystem");
    assertThat(c.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY))
        .isEqualTo(CHECKPOINTS.toUri().toString());
  }

  @Test
  void localEnvironmentUsesTheConfiguredParallelism() {
    PlatformConfig config = PlatformConfig.embedded().withFlink(3, Duration.ofSeconds(2), 0);
    FlinkEnvironments flink = FlinkEnvironments.local(config, CHECKPOINTS);

    StreamExecutionEnvironment env = flink.create();

    assertThat(flink.local()).isTrue();
    assertThat(env).isInstanceOf(LocalStreamEnvironment.class);
    assertThat(env.getParallelism()).isEqualTo(3);
    assertThat(env.getConfig().getSerializerConfig().hasGenericTypesDisabled()).isTrue();
    assertThat(env.getCheckpointInterval()).isEqualTo(2000L);
  }

  @Test
  void remoteClusterKeepsItsOwnCheckpointStorageAndGetsTheJobJars() {
    PlatformConfig config =
        new PlatformConfig(
            null,
            2,
            null,
            null,
            null,
            null,
            null,
            null,
            new HostAndPort("jm", 8081),
            null,
            4,
            Duration.ofSeconds(3),
            1);
    List<Path> jars = List.of(Path.of("/opt/recon/recon.jar"));

    FlinkEnvironments flink = FlinkEnvironments.remote(config, jars);

    assertThat(flink.local()).isFalse();
    assertThat(flink.jobJars()).isEqualTo(jars);
    assertThat(flink.configuration().contains(CheckpointingOptions.CHECKPOINTS_DIRECTORY))
        .isFalse();
    assertThat(flink.configuration().get(PipelineOptions.GENERIC_TYPES)).isFalse();
  }

  @Test
  void remoteNeedsAJobManager() {
    assertThatThrownBy(() -> FlinkEnvironments.remote(PlatformConfig.embedded(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void remoteFromClassesInsteadOfAJarSaysWhatIsMissing() {
    PlatformConfig config =
        new PlatformConfig(
            null,
            2,
            null,
            null,
            null,
            null,
            null,
            null,
            new HostAndPort("jm", 8081),
            null,
            4,
            Duration.ofSeconds(3),
            1);

    // Tests run from target/classes, not from the packaged jar.
    assertThatThrownBy(() -> FlinkEnvironments.remote(config))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("packaged recon jar");
  }
}
