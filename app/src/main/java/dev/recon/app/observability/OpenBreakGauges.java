package dev.recon.app.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
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
 *
 * <p>A tenant whose read was cut at its row limit ({@link OpenBreakRead#truncated}) is counted in
 * {@code recon_open_breaks_truncated_total} (tenant) at every refresh and warned about once until a
 * read of it is complete again. Its figures still go into the gauges and into the total for the
 * CloudWatch alarms, which is then a lower bound (the warning says so): leaving the tenant out, or
 * the whole datum, would blind the growth alarm (missing data is not breaching) in the very
 * environment with the most breaks, while a lower bound over the same kept reasons still grows.
 */
public final class OpenBreakGauges {
  private static final Logger LOG = LoggerFactory.getLogger(OpenBreakGauges.class);

  private static final String DROPPED = "recon.breaks.open.dropped";

  /**
   * Reads cut at the row limit, per tenant; served as {@code recon_open_breaks_truncated_total}.
   */
  static final String TRUNCATED = "recon.open.breaks.truncated";

  /** Tenant x reason x currency combinations served; each is a time series in Prometheus. */
  public static final int MAX_SERIES = 2_000;

  private final Function<String, OpenBreakRead> openBreaks;
  private final KnownTenants tenants;
  private final TaggedValues counts;
  private final TaggedValues amounts;
  private final AtomicLong dropped = new AtomicLong();
  private final Consumer<OptionalLong> total;
  private final MeterRegistry registry;

  /** Tenants warned about as truncated, until a complete read; refresh is never concurrent. */
  private final Set<String> warnedTruncated = new HashSet<>();

  /**
   * @param openBreaks a tenant's open breaks per reason and currency, e.g. {@link
   *     OpenBreakReader#openBreaks}
   */
  public OpenBreakGauges(
      Function<String, OpenBreakRead> openBreaks, KnownTenants tenants, MeterRegistry registry) {
    this(openBreaks, tenants, registry, t -> {});
  }

  /**
   * @param total told after each refresh the open breaks of all known tenants (series limit or not;
   *     a lower bound when a tenant's read was truncated), or empty when a tenant could not be
   *     read, e.g. {@link AlarmMetrics#openBreaks}
   */
  public OpenBreakGauges(
      Function<String, OpenBreakRead> openBreaks,
      KnownTenants tenants,
      MeterRegistry registry,
      Consumer<OptionalLong> total) {
    this.openBreaks = openBreaks;
    this.tenants = tenants;
    this.total = total;
    this.registry = registry;
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
        OpenBreakRead read = openBreaks.apply(tenant);
        figures.addAll(read.figures());
        truncation(tenant, read.truncated());
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

  private void truncation(String tenant, boolean truncated) {
    if (!truncated) {
      warnedTruncated.remove(tenant);
      return;
    }
    Counter.builder(TRUNCATED)
        .description(
            "refreshes whose read of a tenant's open breaks was cut at the row limit, leaving"
                + " reasons out of the gauges and the CloudWatch total")
        .tag("tenant", tenant)
        .register(registry)
        .increment();
    if (warnedTruncated.add(tenant)) {
      LOG.warn(
          "tenant {} has over {} open reason x currency combinations: the reasons past them are"
              + " left out of its open-break gauges, and the OpenBreaks total for the alarms is a"
              + " lower bound until a read of it is complete again (counted in {})",
          tenant,
          OpenBreakReader.MAX_ROWS_PER_TENANT,
          TRUNCATED);
    }
  }
}
