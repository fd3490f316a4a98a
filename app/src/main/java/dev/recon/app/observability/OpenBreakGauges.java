package dev.recon.app.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code recon_breaks_open_count} (tenant, reason) and {@code recon_breaks_open_amount_minor}
 * (tenant, reason, currency): breaks open now in the casework store. Gauges rather than counters
 * because they are read from the store, so a restart does not reset them. {@link #refresh} reads
 * every known tenant (off the scrape thread, see {@link GaugeRefresh}); a scrape only reads the
 * numbers of the last refresh. At most {@value #MAX_SERIES} amount series; what is left out is
 * served as {@code recon_breaks_open_dropped}.
 */
public final class OpenBreakGauges {
  private static final Logger LOG = LoggerFactory.getLogger(OpenBreakGauges.class);

  private static final String DROPPED = "recon.breaks.open.dropped";

  /** Tenant x reason x currency combinations served; each is a time series in Prometheus. */
  public static final int MAX_SERIES = 2_000;

  private final Function<String, List<OpenBreakFigure>> openBreaks;
  private final KnownTenants tenants;
  private final TaggedValues counts;
  private final TaggedValues amounts;
  private final AtomicLong dropped = new AtomicLong();
  private final Consumer<OptionalLong> total;

  /**
   * @param openBreaks a tenant's open breaks per reason and currency, e.g. {@link
   *     OpenBreakReader#openBreaks}
   */
  public OpenBreakGauges(
      Function<String, List<OpenBreakFigure>> openBreaks,
      KnownTenants tenants,
      MeterRegistry registry) {
    this(openBreaks, tenants, registry, t -> {});
  }

  /**
   * @param total told after each refresh the open breaks of all known tenants (series limit or
   *     not), or empty when a tenant could not be read, e.g. {@link AlarmMetrics#openBreaks}
   */
  public OpenBreakGauges(
      Function<String, List<OpenBreakFigure>> openBreaks,
      KnownTenants tenants,
      MeterRegistry registry,
      Consumer<OptionalLong> total) {
    this.openBreaks = openBreaks;
    this.tenants = tenants;
    this.total = total;
    this.counts =
        new TaggedValues(
            "recon.breaks.open.count",
            "exceptions open now (raised, not resolved), per tenant and reason",
            null,
            registry);
    this.amounts =
        new TaggedValues(
            "recon.breaks.open.amount.minor",
            "sum of the amounts at risk of open exceptions, in minor units of the currency",
            null,
            registry);
    TaggedValues.removeLeftovers(registry, DROPPED);
    Gauge.builder(DROPPED, dropped, AtomicLong::doubleValue)
        .description(
            "tenant x reason x currency combinations left out of the open-break gauges at the"
                + " last refresh (over the series limit, or of tenants that could not be read)")
        .register(registry);
  }

  /** Reads every known tenant's open breaks and replaces what the gauges serve. */
  public void refresh() {
    List<OpenBreakFigure> figures = new ArrayList<>();
    int unreadable = 0;
    for (String tenant : tenants.all()) {
      try {
        figures.addAll(openBreaks.apply(tenant));
      } catch (RuntimeException e) {
        // one tenant's failure must not blank the others; its series disappear until it reads
        unreadable++;
        LOG.warn("open breaks of tenant {} could not be read", tenant, e);
      }
    }
    OpenBreakSeries series = OpenBreakSeries.of(figures, MAX_SERIES);
    Map<Tags, Long> countValues = new LinkedHashMap<>();
    series
        .counts()
        .forEach(
            c -> countValues.put(Tags.of("tenant", c.tenant(), "reason", c.reason()), c.count()));
    Map<Tags, Long> amountValues = new LinkedHashMap<>();
    series
        .amounts()
        .forEach(
            a ->
                amountValues.put(
                    Tags.of("tenant", a.tenant(), "reason", a.reason(), "currency", a.currency()),
                    a.amountAtRiskMinor()));
    counts.replace(countValues);
    amounts.replace(amountValues);
    dropped.set((long) series.droppedSeries() + unreadable);
    long all = 0;
    for (OpenBreakFigure f : figures) {
      all = Math.addExact(all, f.count());
    }
    total.accept(unreadable == 0 ? OptionalLong.of(all) : OptionalLong.empty());
    if (series.droppedSeries() > 0) {
      LOG.warn(
          "{} open-break series over the limit of {} are not served",
          series.droppedSeries(),
          MAX_SERIES);
    }
  }
}
