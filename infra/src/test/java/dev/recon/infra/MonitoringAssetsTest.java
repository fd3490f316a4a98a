package dev.recon.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Prometheus rules and the Grafana dashboard in infra/monitoring, and broken fixtures. */
class MonitoringAssetsTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path PROMETHEUS = InfraPaths.monitoring().resolve("prometheus");

  private static MonitoringChecks checks;

  @BeforeAll
  static void contract() throws Exception {
    checks = new MonitoringChecks(MetricContract.ofModule());
  }

  private static List<String> lines(List<Finding> findings) {
    return findings.stream().map(f -> f.where() + ": " + f.message()).toList();
  }

  @Test
  void alertRulesAreComplete() throws Exception {
    JsonNode rules = YAML.readTree(PROMETHEUS.resolve("recon-alerts.yaml").toFile());
    assertThat(checks.alertRules("recon-alerts.yaml", rules)).isEmpty();
  }

  @Test
  void alertsCoverEveryAreaOperatorsAskedFor() throws Exception {
    JsonNode rules = YAML.readTree(PROMETHEUS.resolve("recon-alerts.yaml").toFile());
    Set<String> watched = new TreeSet<>();
    for (JsonNode group : rules.path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        watched.addAll(MetricContract.metricsIn(rule.path("expr").asText()));
      }
    }
    assertThat(watched)
        .contains(
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
  void recordingRulesProduceContractNames() throws Exception {
    JsonNode rules =
        YAML.readTree(PROMETHEUS.resolve("flink-cluster-recording-rules.yaml").toFile());
    assertThat(checks.recordingRules("flink-cluster-recording-rules.yaml", rules)).isEmpty();
  }

  @Test
  void dashboardQueriesNameContractMetrics() throws Exception {
    JsonNode dashboard =
        JSON.readTree(InfraPaths.monitoring().resolve("grafana/recon-overview.json").toFile());
    assertThat(checks.dashboard("recon-overview.json", dashboard)).isEmpty();
  }

  @Test
  void rejectsIncompleteAlerts() throws Exception {
    JsonNode rules = YAML.readTree(InfraPaths.fixture("prometheus/broken-alerts.yaml").toFile());
    assertThat(lines(checks.alertRules("broken-alerts.yaml", rules)))
        .containsExactlyInAnyOrder(
            "broken-alerts.yaml alert NoFor: has no for duration",
            "broken-alerts.yaml alert NoSeverity: has no labels.severity in "
                + MonitoringChecks.SEVERITIES,
            "broken-alerts.yaml alert NoSummary: has no annotations.summary",
            "broken-alerts.yaml alert NoExpr: has no expr",
            "broken-alerts.yaml alert Typo: names recon_dead_leters_total, which is not in the"
                + " contract",
            "broken-alerts.yaml alert NotOurs: names no metric of the contract",
            "broken-alerts.yaml alert Typo: is defined twice");
  }

  @Test
  void rejectsDashboardPanelsOutsideTheContract() throws Exception {
    JsonNode dashboard =
        JSON.readTree(InfraPaths.fixture("grafana/broken-dashboard.json").toFile());
    assertThat(lines(checks.dashboard("broken-dashboard.json", dashboard)))
        .containsExactlyInAnyOrder(
            "broken-dashboard.json: has no Prometheus datasource variable",
            "broken-dashboard.json panel 2 'Unknown metric': names recon_open_breaks, which is not"
                + " in the contract",
            "broken-dashboard.json panel 3 'No queries': has no queries",
            "broken-dashboard.json panel 3 'Same id': reuses a panel id",
            "broken-dashboard.json panel 3 'Same id': does not use the datasource variable");
  }
}
