package dev.recon.infra;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Structural checks on Prometheus rule files and Grafana dashboards against the metric contract.
 */
final class MonitoringChecks {
  static final Set<String> SEVERITIES = Set.of("critical", "warning", "info");

  /** A Prometheus duration as rules use it: 0m, 30s, 15m, 1h, 1d. */
  static final Pattern DURATION = Pattern.compile("[0-9]+(ms|s|m|h|d|w|y)");

  private final MetricContract contract;

  MonitoringChecks(MetricContract contract) {
    this.contract = contract;
  }

  /**
   * Alert rules: every rule has a unique alert name, an expr naming contract metrics only, a for
   * duration, labels.severity and annotations.summary.
   */
  List<Finding> alertRules(String file, JsonNode rules) {
    List<Finding> findings = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (JsonNode rule : rulesOf(file, rules, findings)) {
      String name = rule.path("alert").asText("");
      String where = file + " alert " + (name.isBlank() ? "<unnamed>" : name);
      if (name.isBlank()) {
        findings.add(new Finding("alerts", where, "has no alert name"));
      } else if (!names.add(name)) {
        findings.add(new Finding("alerts", where, "is defined twice"));
      }
      String expr = rule.path("expr").asText("");
      if (expr.isBlank()) {
        findings.add(new Finding("alerts", where, "has no expr"));
      } else {
        contract.problemsOf(expr).forEach(p -> findings.add(new Finding("alerts", where, p)));
      }
      if (!DURATION.matcher(rule.path("for").asText("")).matches()) {
        findings.add(new Finding("alerts", where, "has no for duration"));
      }
      if (!SEVERITIES.contains(rule.path("labels").path("severity").asText(""))) {
        findings.add(new Finding("alerts", where, "has no labels.severity in " + SEVERITIES));
      }
      if (rule.path("annotations").path("summary").asText("").isBlank()) {
        findings.add(new Finding("alerts", where, "has no annotations.summary"));
      }
    }
    return findings;
  }

  /**
   * Recording rules that translate another naming scheme into the contract: every rule records a
   * contract name, from a non-empty expr.
   */
  List<Finding> recordingRules(String file, JsonNode rules) {
    List<Finding> findings = new ArrayList<>();
    for (JsonNode rule : rulesOf(file, rules, findings)) {
      String record = rule.path("record").asText("");
      String where = file + " record " + record;
      if (!contract.metrics().containsKey(record)) {
        findings.add(new Finding("recording rules", where, "records a name not in the contract"));
      }
      if (rule.path("expr").asText("").isBlank()) {
        findings.add(new Finding("recording rules", where, "has no expr"));
      }
    }
    return findings;
  }

  private static List<JsonNode> rulesOf(String file, JsonNode doc, List<Finding> findings) {
    List<JsonNode> rules = new ArrayList<>();
    if (!doc.path("groups").isArray() || doc.path("groups").isEmpty()) {
      findings.add(new Finding("rules", file, "has no groups"));
    }
    for (JsonNode group : doc.path("groups")) {
      if (group.path("name").asText("").isBlank()) {
        findings.add(new Finding("rules", file, "has a group without a name"));
      }
      group.path("rules").forEach(rules::add);
    }
    return rules;
  }

  /**
   * A Grafana dashboard: uid and title, a Prometheus data source variable that every panel and
   * query uses, unique panel ids, and every panel's queries naming contract metrics only.
   */
  List<Finding> dashboard(String file, JsonNode dashboard) {
    List<Finding> findings = new ArrayList<>();
    if (dashboard.path("uid").asText("").isBlank()
        || dashboard.path("title").asText("").isBlank()) {
      findings.add(new Finding("dashboard", file, "has no uid or title"));
    }
    boolean datasourceVariable = false;
    for (JsonNode v : dashboard.path("templating").path("list")) {
      if ("datasource".equals(v.path("type").asText())
          && "prometheus".equals(v.path("query").asText())) {
        datasourceVariable = true;
      }
    }
    if (!datasourceVariable) {
      findings.add(new Finding("dashboard", file, "has no Prometheus datasource variable"));
    }
    List<JsonNode> panels = new ArrayList<>();
    for (JsonNode p : dashboard.path("panels")) {
      panels.add(p);
      p.path("panels").forEach(panels::add); // panels inside collapsed rows
    }
    if (panels.isEmpty()) {
      findings.add(new Finding("dashboard", file, "has no panels"));
    }
    Set<Integer> ids = new HashSet<>();
    for (JsonNode p : panels) {
      String where =
          file + " panel " + p.path("id").asInt() + " '" + p.path("title").asText() + "'";
      if (!ids.add(p.path("id").asInt())) {
        findings.add(new Finding("dashboard", where, "reuses a panel id"));
      }
      if ("row".equals(p.path("type").asText())) {
        continue;
      }
      if (!p.path("datasource").path("uid").asText("").equals("${datasource}")) {
        findings.add(new Finding("dashboard", where, "does not use the datasource variable"));
      }
      if (!p.path("targets").isArray() || p.path("targets").isEmpty()) {
        findings.add(new Finding("dashboard", where, "has no queries"));
      }
      for (JsonNode t : p.path("targets")) {
        String expr = t.path("expr").asText("");
        if (expr.isBlank()) {
          findings.add(new Finding("dashboard", where, "has a query without expr"));
        } else {
          contract
              .problemsOf(expr)
              .forEach(pr -> findings.add(new Finding("dashboard", where, pr)));
        }
      }
    }
    return findings;
  }
}
