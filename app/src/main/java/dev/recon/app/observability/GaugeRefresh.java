package dev.recon.app.observability;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes gauges whose values come from a database or a consumer on a schedule of their own, so a
 * Prometheus scrape never waits on a query: once on start (on the caller's thread, so the first
 * scrape after start-up already has figures), then every {@link #INTERVAL} on one daemon thread.
 */
public final class GaugeRefresh implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GaugeRefresh.class);

  /** As often as a typical Prometheus scrape; each refresh costs one query per tenant. */
  public static final Duration INTERVAL = Duration.ofSeconds(15);

  private final ScheduledExecutorService scheduler;

  private GaugeRefresh(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  /**
   * The open-break gauges over the casework store and the connector lag gauge, in {@code registry},
   * refreshed now and then every {@link #INTERVAL} (a failing refresh is logged and tried again
   * next time); after each refresh {@code openBreaksTotal} is told the open breaks over all tenants
   * (see {@link OpenBreakGauges}), e.g. {@link AlarmMetrics#openBreaks}.
   *
   * @param appDataSource a login of the application role: every tenant is read with row-level
   *     security applying
   */
  public static GaugeRefresh casework(
      DataSource appDataSource,
      KnownTenants tenants,
      ConnectorLag lag,
      MeterRegistry registry,
      Consumer<OptionalLong> openBreaksTotal) {
    OpenBreakGauges openBreaks =
        new OpenBreakGauges(
            new OpenBreakReader(appDataSource)::openBreaks, tenants, registry, openBreaksTotal);
    lag.register(registry);
    return start(List.of(openBreaks::refresh, lag::refresh), INTERVAL);
  }

  static GaugeRefresh start(List<Runnable> refreshes, Duration interval) {
    List<Runnable> all = List.copyOf(refreshes);
    Runnable refreshAll =
        () -> {
          for (Runnable r : all) {
            try {
              r.run();
            } catch (RuntimeException e) {
              LOG.warn("a gauge refresh failed; the gauges keep their last values", e);
            }
          }
        };
    refreshAll.run();
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "recon-gauge-refresh");
              t.setDaemon(true);
              return t;
            });
    scheduler.scheduleWithFixedDelay(
        refreshAll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    return new GaugeRefresh(scheduler);
  }

  /**
   * Stops refreshing. The gauges keep their last values in the process's registry, like every other
   * meter of the process; a later owner of the same names replaces them.
   */
  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("a gauge refresh did not stop within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
