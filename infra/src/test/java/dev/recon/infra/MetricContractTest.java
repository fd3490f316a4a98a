package dev.recon.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** The contract table itself: valid names, and the metrics it says exist really are in the code. */
class MetricContractTest {

  @Test
  void listsEveryAreaTheAlertsCover() throws Exception {
    assertThat(MetricContract.ofModule().metrics())
        .containsKeys(
            "flink_source_pending_records",
            "recon_connector_lag_seconds",
            "recon_dead_letters_total",
            "recon_breaks_open_count",
            "recon_ledger_write_millis_total",
            "flink_job_number_of_failed_checkpoints",
            "flink_job_last_checkpoint_duration",
            "flink_job_num_restarts",
            "resilience4j_circuitbreaker_state");
  }

  @Test
  void namesAreValidAndNewOnesFollowTheNamingScheme() throws Exception {
    SoftAssertions soft = new SoftAssertions();
    for (MetricContract.Metric m : MetricContract.ofModule().metrics().values()) {
      soft.assertThat(m.name()).as("name").matches(MetricContract.METRIC_NAME);
      soft.assertThat(m.status()).as(m.name() + " status").isIn("exists", "contract");
      if (!m.exists()) {
        // recon_<area>_<what>_<unit>: at least three parts after recon.
        soft.assertThat(m.name()).as(m.name()).matches("recon_[a-z0-9]+_[a-z0-9_]+_[a-z]+");
      }
    }
    soft.assertAll();
  }

  @Test
  void metricsMarkedExistingAreDefinedWhereTheTableSays() throws Exception {
    SoftAssertions soft = new SoftAssertions();
    for (MetricContract.Metric m : MetricContract.ofModule().metrics().values()) {
      if (!m.exists()) {
        continue;
      }
      Path source = InfraPaths.repository().resolve(m.definedIn());
      soft.assertThat(source).as(m.name() + " defined in").isRegularFile();
      if (Files.isRegularFile(source)) {
        soft.assertThat(Files.readString(source))
            .as(m.name() + " in " + m.definedIn())
            .contains(m.nameInCode());
      }
    }
    soft.assertAll();
  }

  @Test
  void queryCheckRejectsUnlistedAndMissingMetrics() throws Exception {
    MetricContract contract = MetricContract.ofModule();
    assertThat(contract.problemsOf("sum(rate(recon_dead_letters_total[5m]))")).isEmpty();
    assertThat(contract.problemsOf("sum(rate(recon_dead_leters_total[5m]))"))
        .containsExactly("names recon_dead_leters_total, which is not in the contract");
    assertThat(contract.problemsOf("up == 0")).containsExactly("names no metric of the contract");
    // A label value that looks like a metric is not one.
    assertThat(contract.problemsOf("flink_job_num_restarts{job_name=\"recon_match_x\"}")).isEmpty();
  }
}
