package dev.recon.app.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import io.micrometer.core.instrument.config.NamingConvention;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What CloudWatch gets to see of {@link AlarmMetrics}' registry, so that the metric names and
 * dimensions are exactly those the alarms of {@code infra/terraform/modules/alarms} read: a metric
 * with another name or another dimension set is a different metric to CloudWatch, and an alarm on
 * it never fires.
 *
 * <p>The {@link #filter} accepts only {@value AlarmMetrics#DEAD_LETTERS} and {@value
 * AlarmMetrics#OPEN_BREAKS} and gives each the one tag {@value AlarmMetrics#ENVIRONMENT}. The
 * {@link #NAMES naming convention} undoes the suffix Micrometer's CloudWatch registry appends to
 * every metric name ({@code .count} for a counter, {@code .value} for a gauge).
 */
final class AlarmMetricView {

  /** Micrometer's CloudWatch name of each meter, and the name the alarms read. */
  private static final Map<String, String> WIRE_NAMES =
      Map.of(
          AlarmMetrics.DEAD_LETTERS + ".count", AlarmMetrics.DEAD_LETTERS,
          AlarmMetrics.OPEN_BREAKS + ".value", AlarmMetrics.OPEN_BREAKS);

  static final Set<String> METER_NAMES =
      Set.of(AlarmMetrics.DEAD_LETTERS, AlarmMetrics.OPEN_BREAKS);

  /** Names as the alarms read them; tag keys and values unchanged. */
  static final NamingConvention NAMES =
      new NamingConvention() {
        @Override
        public String name(String name, Meter.Type type, String baseUnit) {
          return WIRE_NAMES.getOrDefault(name, name);
        }
      };

  private AlarmMetricView() {}

  /** Only the alarms' meters, each with {@code Environment=environment} as its only tag. */
  static MeterFilter filter(String environment) {
    Objects.requireNonNull(environment, "environment");
    Tags only = Tags.of(AlarmMetrics.ENVIRONMENT, environment);
    return new MeterFilter() {
      @Override
      public MeterFilterReply accept(Meter.Id id) {
        return METER_NAMES.contains(id.getName())
            ? MeterFilterReply.NEUTRAL
            : MeterFilterReply.DENY;
      }

      @Override
      public Meter.Id map(Meter.Id id) {
        return id.replaceTags(only);
      }
    };
  }
}
