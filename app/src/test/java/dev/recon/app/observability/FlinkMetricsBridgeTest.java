package dev.recon.app.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Tag;
import java.util.Map;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;

class FlinkMetricsBridgeTest {

  @Test
  void reconMetricsKeepTheirLabelsAndLoseWhatOnlyTellsSubtasksApart() {
    FlinkMetricsBridge.MeterName name =
        FlinkMetricsBridge.meterName(
            "matches",
            group(
                new String[] {"localhost", "taskmanager", "recon-match r-1", "count", "recon"},
                Map.of(
                    "<job_name>", "recon-match 2026-09-14T10:00:00Z-acme",
                    "<operator_name>", "count matches",
                    "<subtask_index>", "1",
                    "<tm_id>", "tm-7",
                    "<host>", "localhost",
                    "<level>", "L3")));
    assertThat(name.name()).isEqualTo("recon.matches");
    assertThat(name.tags())
        .containsExactly(
            Tag.of("job_name", "recon-match"),
            Tag.of("level", "L3"),
            Tag.of("operator_name", "count matches"));
  }

  @Test
  void onlyCheckpointAndRestartFiguresOfJobsAndTheSourcesBacklogAreBridged() {
    String[] jobScope = {"localhost", "jobmanager", "recon-normalize r-1"};
    Map<String, String> job = Map.of("<job_name>", "recon-normalize r-1", "<job_id>", "abc");
    assertThat(FlinkMetricsBridge.meterName("lastCheckpointDuration", group(jobScope, job)).name())
        .isEqualTo("flink.job.last.checkpoint.duration");
    assertThat(FlinkMetricsBridge.meterName("numRestarts", group(jobScope, job)).name())
        .isEqualTo("flink.job.num.restarts");
    assertThat(FlinkMetricsBridge.meterName("upTime", group(jobScope, job))).isNull();
    assertThat(FlinkMetricsBridge.meterName("numRecordsIn", group(jobScope, job))).isNull();
    assertThat(
            FlinkMetricsBridge.meterName(
                    "pendingRecords",
                    group(
                        new String[] {"op"},
                        Map.of("<operator_name>", "Source: raw", "<job_name>", "recon-normalize")))
                .name())
        .isEqualTo("flink.source.pending.records");
  }

  @Test
  void camelCaseBecomesMicrometerDots() {
    assertThat(FlinkMetricsBridge.snake("ledgerWriteMillis")).isEqualTo("ledger.write.millis");
    assertThat(FlinkMetricsBridge.snake("deadLetters")).isEqualTo("dead.letters");
    assertThat(FlinkMetricsBridge.snake("matches")).isEqualTo("matches");
  }

  private static UnregisteredMetricsGroup group(String[] scope, Map<String, String> variables) {
    return new UnregisteredMetricsGroup() {
      @Override
      public String[] getScopeComponents() {
        return scope;
      }

      @Override
      public Map<String, String> getAllVariables() {
        return variables;
      }
    };
  }
}
