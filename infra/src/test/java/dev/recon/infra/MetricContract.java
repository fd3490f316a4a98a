package dev.recon.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names alert rules and dashboards may use: the table between the metrics-contract
 * markers of infra/monitoring/README.md.
 */
record MetricContract(Map<String, Metric> metrics) {
  static final String START = "<!-- metrics-contract:start -->";
  static final String END = "<!-- metrics-contract:end -->";

  /** Metric name prefixes recon's queries use; any such identifier in a query must be listed. */
  static final Pattern METRIC_IDENTIFIER =
      Pattern.compile("\\b((?:recon|flink|resilience4j)_[a-z0-9_]+)\\b");

  /** Names the contract may define: Prometheus-valid, snake case. */
  static final Pattern METRIC_NAME = Pattern.compile("[a-z][a-z0-9_]*");

  private static final int COLUMNS = 7;

  /** One row: served already ({@code exists}, found in {@code definedIn}) or still to implement. */
  record Metric(
      String name,
      String type,
      String labels,
      String status,
      String definedIn,
      String nameInCode,
      String meaning) {
    boolean exists() {
      return "exists".equals(status);
    }
  }

  static MetricContract read(Path readme) throws IOException {
    String text = Files.readString(readme);
    int start = text.indexOf(START);
    int end = text.indexOf(END);
    if (start < 0 || end < start) {
      throw new IllegalStateException(readme + " has no " + START + " ... " + END + " table");
    }
    Map<String, Metric> metrics = new LinkedHashMap<>();
    for (String line : text.substring(start + START.length(), end).strip().split("\n")) {
      List<String> cells = cells(line);
      if (cells.isEmpty() || cells.get(0).equals("metric") || cells.get(0).startsWith("---")) {
        continue;
      }
      if (cells.size() != COLUMNS) {
        throw new IllegalStateException("Contract row without " + COLUMNS + " cells: " + line);
      }
      Metric m =
          new Metric(
              unquote(cells.get(0)),
              cells.get(1),
              cells.get(2),
              cells.get(3),
              unquote(cells.get(4)),
              unquote(cells.get(5)),
              cells.get(6));
      if (metrics.put(m.name(), m) != null) {
        throw new IllegalStateException("Metric listed twice: " + m.name());
      }
    }
    return new MetricContract(metrics);
  }

  static MetricContract ofModule() throws IOException {
    return read(InfraPaths.monitoring().resolve("README.md"));
  }

  /** recon/flink/resilience4j metric identifiers a PromQL expression names. */
  static Set<String> metricsIn(String promql) {
    // Label values in quotes are not metric names: drop string literals first.
    String code = promql.replaceAll("\"[^\"]*\"", "\"\"");
    Set<String> names = new TreeSet<>();
    Matcher m = METRIC_IDENTIFIER.matcher(code);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** Why a query does not fit the contract: no listed metric, or an unlisted recon-like one. */
  List<String> problemsOf(String promql) {
    List<String> problems = new ArrayList<>();
    Set<String> named = metricsIn(promql);
    if (named.isEmpty()) {
      problems.add("names no metric of the contract");
    }
    for (String n : named) {
      if (!metrics.containsKey(n)) {
        problems.add("names " + n + ", which is not in the contract");
      }
    }
    return problems;
  }

  private static List<String> cells(String line) {
    String trimmed = line.strip();
    if (!trimmed.startsWith("|")) {
      return List.of();
    }
    List<String> cells = new ArrayList<>();
    for (String c : trimmed.substring(1, trimmed.length() - 1).split("\\|", -1)) {
      cells.add(c.strip());
    }
    return cells;
  }

  private static String unquote(String cell) {
    return cell.length() >= 2 && cell.startsWith("`") && cell.endsWith("`")
        ? cell.substring(1, cell.length() - 1)
        : cell;
  }
}
