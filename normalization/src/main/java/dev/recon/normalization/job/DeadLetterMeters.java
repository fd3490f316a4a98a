package dev.recon.normalization.job;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * Dead letters counted per format and reason, so an operator sees which feed went bad and how:
 * {@code PARSE_ERROR} for a rejected row, the finding's code for a data-quality finding. Both label
 * sets are small and fixed (formats and finding codes are code, not input), so the number of
 * counters stays bounded whatever arrives.
 */
final class DeadLetterMeters {
  /** The metric group every recon business metric lives under, found by the metric reporters. */
  static final String GROUP = "recon";

  static final String PARSE_ERROR = "PARSE_ERROR";
  static final String UNKNOWN_FORMAT = "unknown";

  private final MetricGroup group;
  private final Map<String, Counter> counters = new HashMap<>();

  DeadLetterMeters(MetricGroup operatorGroup) {
    this.group = operatorGroup.addGroup(GROUP);
  }

  void count(String format, String reason, int n) {
    if (n == 0) {
      return;
    }
    String f = format == null ? UNKNOWN_FORMAT : format;
    counters
        .computeIfAbsent(
            f + '\u0000' + reason,
            k -> group.addGroup("format", f).addGroup("reason", reason).counter("deadLetters"))
        .inc(n);
  }
}
