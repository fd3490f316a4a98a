package dev.recon.matching.job;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.util.function.SerializableFunction;

/**
 * Passes every outcome through unchanged and counts it under one label (matches by level, breaks by
 * reason, resolutions by kind), so match rates per level and breaks per reason are metrics and not
 * only rows in a topic. Labels come from the outcome's enums, a small fixed set, so the number of
 * counters stays bounded.
 */
final class OutcomeMeter<T> extends RichMapFunction<T, T> {
  private static final long serialVersionUID = 1L;

  /** The metric group every recon business metric lives under, found by the metric reporters. */
  static final String GROUP = "recon";

  private final String metric;
  private final String label;
  private final SerializableFunction<T, String> labelOf;
  private transient MetricGroup group;
  private transient Map<String, Counter> counters;

  OutcomeMeter(String metric, String label, SerializableFunction<T, String> labelOf) {
    this.metric = metric;
    this.label = label;
    this.labelOf = labelOf;
  }

  @Override
  public void open(OpenContext openContext) {
    group = getRuntimeContext().getMetricGroup().addGroup(GROUP);
    counters = new HashMap<>();
  }

  @Override
  public T map(T outcome) {
    String value = String.valueOf(labelOf.apply(outcome));
    counters.computeIfAbsent(value, v -> group.addGroup(label, v).counter(metric)).inc();
    return outcome;
  }
}
