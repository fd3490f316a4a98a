package dev.recon.app.observability;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/**
 * A Flink metric reporter that puts the jobs' metrics into the process's Micrometer registry, so
 * the jobs on the local MiniCluster show on the same {@code /metrics} endpoint as everything else:
 * recon's business metrics (the {@value #RECON_GROUP} group: matches per level, breaks per reason,
 * dead letters per format and reason, ledger writes), checkpoint and restart figures per job, and
 * the Kafka sources' pending records (lag). A real Flink cluster uses Flink's own Prometheus
 * reporter instead (see infra/).
 *
 * <p>Subtasks of one operator report the same metric: they are summed into one meter. Counters of
 * finished tasks keep counting towards their meter, so a bounded run's totals stay visible.
 */
public final class FlinkMetricsBridge implements MetricReporter {

  static final String REPORTER = "recon-micrometer";

  /** The metric group recon's operators register their business metrics under. */
  static final String RECON_GROUP = "recon";

  /** Job-level metrics of the JobManager that operators watch. */
  static final List<String> JOB_METRICS =
      List.of(
          "lastCheckpointDuration",
          "lastCheckpointSize",
          "numberOfCompletedCheckpoints",
          "numberOfFailedCheckpoints",
          "numberOfInProgressCheckpoints",
          "numRestarts");

  /** The Kafka source's backlog: records in the topic not yet read. */
  static final String PENDING_RECORDS = "pendingRecords";

  /** Variables that only tell subtasks, attempts or hosts apart: summed over, never a tag. */
  private static final List<String> DROPPED_VARIABLES =
      List.of(
          "host",
          "tm_id",
          "task_id",
          "task_attempt_id",
          "task_attempt_num",
          "subtask_index",
          "operator_id",
          "job_id",
          "task_name");

  private static final String JOB_NAME = "job_name";

  private static final ConcurrentMap<String, Aggregate> AGGREGATES = new ConcurrentHashMap<>();

  private MeterRegistry registry;

  /** Adds this reporter to a job configuration. */
  public static void configure(Configuration c) {
    c.addAll(
        Configuration.fromMap(
            Map.of("metrics.reporter." + REPORTER + ".factory.class", Factory.class.getName())));
  }

  @Override
  public void open(MetricConfig config) {
    registry = ProcessMetrics.registry();
  }

  @Override
  public void close() {}

  @Override
  public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {
    MeterName meter = meterName(name, group);
    if (meter == null) {
      return;
    }
    Aggregate aggregate =
        AGGREGATES.computeIfAbsent(meter.key(), k -> Aggregate.register(registry, meter, metric));
    aggregate.add(metric);
  }

  @Override
  public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {
    MeterName meter = meterName(name, group);
    if (meter != null) {
      Aggregate aggregate = AGGREGATES.get(meter.key());
      if (aggregate != null) {
        aggregate.retire(metric);
      }
    }
  }

  /** The Micrometer name and tags of a Flink metric, or null for one not bridged. */
  static MeterName meterName(String name, MetricGroup group) {
    List<String> scope = Arrays.asList(group.getScopeComponents());
    Map<String, String> variables = group.getAllVariables();
    String prefix;
    if (scope.contains(RECON_GROUP)) {
      prefix = "recon.";
    } else if (JOB_METRICS.contains(name) && !variables.containsKey("<operator_name>")) {
      prefix = "flink.job.";
    } else if (PENDING_RECORDS.equals(name)) {
      prefix = "flink.source.";
    } else {
      return null;
    }
    List<Tag> tags = new ArrayList<>();
    variables.forEach(
        (k, v) -> {
          String key = k.replace("<", "").replace(">", "");
          if (JOB_NAME.equals(key)) {
            // "recon-match <run id>": one series per job kind, not one per bounded run
            tags.add(Tag.of(key, v.split(" ", 2)[0]));
          } else if (!DROPPED_VARIABLES.contains(key)) {
            tags.add(Tag.of(key, v));
          }
        });
    tags.sort(null);
    return new MeterName(prefix + snake(name), tags);
  }

  /** {@code ledgerWriteMillis} -> {@code ledger.write.millis}: Micrometer's naming convention. */
  static String snake(String camel) {
    StringBuilder s = new StringBuilder(camel.length() + 8);
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        s.append('.').append(Character.toLowerCase(c));
      } else {
        s.append(c);
      }
    }
    return s.toString();
  }

  /** A meter's name and tags; {@link #key} identifies it. */
  record MeterName(String name, List<Tag> tags) {
    String key() {
      return name + tags;
    }
  }

  /** One Micrometer meter over the Flink metrics of every subtask that reports it. */
  private static final class Aggregate {
    private final List<Metric> live = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile long retired;
    private volatile double lastRetiredGauge;

    static Aggregate register(MeterRegistry registry, MeterName meter, Metric first) {
      Aggregate a = new Aggregate();
      if (first instanceof Counter) {
        FunctionCounter.builder(meter.name(), a, Aggregate::count)
            .tags(meter.tags())
            .register(registry);
      } else if (first instanceof org.apache.flink.metrics.Gauge<?>) {
        Gauge.builder(meter.name(), a, Aggregate::gauge).tags(meter.tags()).register(registry);
      }
      return a;
    }

    void add(Metric metric) {
      live.add(metric);
    }

    synchronized void retire(Metric metric) {
      if (live.remove(metric)) {
        if (metric instanceof Counter c) {
          retired += c.getCount();
        } else if (metric instanceof org.apache.flink.metrics.Gauge<?> g
            && g.getValue() instanceof Number n) {
          // a finished job's last checkpoint duration stays readable until the next run's
          lastRetiredGauge = n.doubleValue();
        }
      }
    }

    synchronized double count() {
      long sum = retired;
      for (Metric m : live) {
        if (m instanceof Counter c) {
          sum += c.getCount();
        }
      }
      return sum;
    }

    synchronized double gauge() {
      if (live.isEmpty()) {
        return lastRetiredGauge;
      }
      double sum = 0;
      for (Metric m : live) {
        if (m instanceof org.apache.flink.metrics.Gauge<?> g && g.getValue() instanceof Number n) {
          sum += n.doubleValue();
        }
      }
      return sum;
    }
  }

  /** Loaded by Flink through {@code META-INF/services}. */
  public static final class Factory implements MetricReporterFactory {
    @Override
    public MetricReporter createMetricReporter(Properties properties) {
      return new FlinkMetricsBridge();
    }
  }
}
