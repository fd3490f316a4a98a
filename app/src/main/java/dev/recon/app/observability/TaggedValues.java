package dev.recon.app.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One gauge name whose set of tag combinations is replaced on every refresh: a combination that is
 * gone stops being served, one that stays keeps its meter (its value is updated in place, so a
 * scrape never sees it missing mid-refresh). The refresh thread calls {@link #replace}.
 */
final class TaggedValues {
  private final MultiGauge gauge;
  private Map<Tags, AtomicLong> values = Map.of();

  TaggedValues(String name, String description, String baseUnit, MeterRegistry registry) {
    removeLeftovers(registry, name);
    MultiGauge.Builder builder = MultiGauge.builder(name).description(description);
    if (baseUnit != null) {
      builder.baseUnit(baseUnit);
    }
    this.gauge = builder.register(registry);
  }

  synchronized void replace(Map<Tags, Long> next) {
    Map<Tags, AtomicLong> kept = new LinkedHashMap<>();
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    next.forEach(
        (tags, value) -> {
          AtomicLong holder = values.getOrDefault(tags, new AtomicLong());
          holder.set(value);
          kept.put(tags, holder);
          rows.add(MultiGauge.Row.of(tags, holder, AtomicLong::doubleValue));
        });
    values = kept;
    gauge.register(rows, false);
  }

  /**
   * Removes the meters of {@code name} an earlier owner left in the process's registry (gauges keep
   * their last values when their command ends, as every other meter of the process does): a
   * registry hands out an existing meter for the same id, which would keep the old owner's values.
   */
  static void removeLeftovers(MeterRegistry registry, String name) {
    registry.find(name).meters().forEach(registry::remove);
  }
}
