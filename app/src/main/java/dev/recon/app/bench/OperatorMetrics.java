package dev.recon.app.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;
import org.apache.flink.metrics.reporter.Scheduled;

/**
 * A Flink metric reporter for benchmarks on the local MiniCluster: keeps every operator's
 * numRecordsIn / numRecordsOut counters and samples the sources' output often, so a benchmark can
 * tell when the first record was read and when the last one was, and which operator handled how
 * many records. Flink instantiates reporters itself; a {@link Recording} registered under a run id
 * before the job starts is how the counters reach the benchmark in the same JVM.
 */
public final class OperatorMetrics implements MetricReporter, Scheduled {

  static final String REPORTER = "recon-bench";
  static final String RUN_KEY = "run";

  /** Resolution of the first- and last-record times. */
  static final Duration SAMPLE_INTERVAL = Duration.ofMillis(50);

  private static final String NUM_RECORDS_IN = "numRecordsIn";
  private static final String NUM_RECORDS_OUT = "numRecordsOut";
  private static final String OPERATOR_NAME = "<operator_name>";

  private static final ConcurrentMap<String, Recording> RECORDINGS = new ConcurrentHashMap<>();

  private Recording recording;

  /**
   * Starts recording the job that runs with {@link #configure}d settings under {@code runId}.
   *
   * @param sources names of the job's source operators, whose output is the job's input
   * @param inputRecords how many records the sources read in all
   */
  static Recording record(String runId, Set<String> sources, long inputRecords) {
    Recording r = new Recording(sources, inputRecords);
    if (RECORDINGS.putIfAbsent(runId, r) != null) {
      throw new IllegalStateException("run " + runId + " is already recorded");
    }
    return r;
  }

  static void forget(String runId) {
    RECORDINGS.remove(runId);
  }

  /** Adds this reporter, reporting to the recording of {@code runId}, to a job configuration. */
  static void configure(Configuration c, String runId) {
    String prefix = "metrics.reporter." + REPORTER + ".";
    c.addAll(
        Configuration.fromMap(
            Map.of(
                prefix + "factory.class",
                Factory.class.getName(),
                prefix + "interval",
                SAMPLE_INTERVAL.toMillis() + " ms",
                prefix + RUN_KEY,
                runId)));
  }

  @Override
  public void open(MetricConfig config) {
    recording = RECORDINGS.get(config.getString(RUN_KEY, ""));
  }

  @Override
  public void close() {
    if (recording != null) {
      recording.sample(System.nanoTime());
    }
  }

  @Override
  public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {
    String operator = group.getAllVariables().get(OPERATOR_NAME);
    if (recording != null
        && operator != null
        && metric instanceof Counter counter
        && (NUM_RECORDS_IN.equals(name) || NUM_RECORDS_OUT.equals(name))) {
      recording.add(operator, NUM_RECORDS_IN.equals(name), counter);
    }
  }

  /** Counters of finished tasks keep their final values: they stay in the recording. */
  @Override
  public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {}

  @Override
  public void report() {
    if (recording != null) {
      recording.sample(System.nanoTime());
    }
  }

  /** Loaded by Flink through {@code META-INF/services}. */
  public static final class Factory implements MetricReporterFactory {
    @Override
    public MetricReporter createMetricReporter(Properties properties) {
      return new OperatorMetrics();
    }
  }

  /** Records in and out of one operator, summed over its subtasks. */
  record OperatorCount(String operator, long recordsIn, long recordsOut) {}

  /** The counters of one job run and the sampled times of its first and last input record. */
  static final class Recording {
    private final Set<String> sources;
    private final long inputRecords;
    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    private volatile long firstRecordNanos;
    private volatile long lastRecordNanos;

    private record Entry(String operator, boolean in, Counter counter) {}

    private Recording(Set<String> sources, long inputRecords) {
      this.sources = Set.copyOf(sources);
      this.inputRecords = inputRecords;
    }

    void add(String operator, boolean in, Counter counter) {
      entries.add(new Entry(operator, in, counter));
    }

    synchronized void sample(long nanos) {
      long read = recordsRead();
      if (firstRecordNanos == 0 && read > 0) {
        firstRecordNanos = nanos;
      }
      if (lastRecordNanos == 0 && read >= inputRecords) {
        lastRecordNanos = nanos;
      }
    }

    private boolean isSource(String operator) {
      for (String source : sources) {
        if (operator.equals(source) || operator.endsWith(": " + source)) {
          return true;
        }
      }
      return false;
    }

    /** System.nanoTime() of the first sample that saw a record read; 0 if none did. */
    long firstRecordNanos() {
      return firstRecordNanos;
    }

    /** System.nanoTime() of the first sample that saw every input record read; 0 if none did. */
    long lastRecordNanos() {
      return lastRecordNanos;
    }

    /** Records the sources emitted, as far as the counters know. */
    long recordsRead() {
      long read = 0;
      for (Entry e : entries) {
        if (!e.in() && isSource(e.operator())) {
          read += e.counter().getCount();
        }
      }
      return read;
    }

    /** Every operator's final counts, in the order the operators registered. */
    List<OperatorCount> operators() {
      Map<String, long[]> totals = new LinkedHashMap<>();
      for (Entry e : entries) {
        totals.computeIfAbsent(e.operator(), o -> new long[2])[e.in() ? 0 : 1] +=
            e.counter().getCount();
      }
      List<OperatorCount> counts = new ArrayList<>();
      totals.forEach((operator, t) -> counts.add(new OperatorCount(operator, t[0], t[1])));
      return counts;
    }
  }
}
