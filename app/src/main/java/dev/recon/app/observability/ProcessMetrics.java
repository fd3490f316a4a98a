package dev.recon.app.observability;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The one meter registry of a recon process: connectors, the web server, the jobs running on the
 * local MiniCluster (through {@link FlinkMetricsBridge}) and the JVM itself all register here, and
 * the process's {@code /metrics} endpoint scrapes it. One per JVM because Flink creates its metric
 * reporters itself, by class name, and they must find the same registry as everything else.
 */
public final class ProcessMetrics {
  private static final PrometheusMeterRegistry REGISTRY = create();

  private ProcessMetrics() {}

  public static PrometheusMeterRegistry registry() {
    return REGISTRY;
  }

  @SuppressWarnings("resource") // JvmGcMetrics lives as long as the process
  private static PrometheusMeterRegistry create() {
    PrometheusMeterRegistry r = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    r.config().commonTags("service", "recon");
    new JvmMemoryMetrics().bindTo(r);
    new JvmGcMetrics().bindTo(r);
    new JvmThreadMetrics().bindTo(r);
    new ProcessorMetrics().bindTo(r);
    new UptimeMetrics().bindTo(r);
    // Libraries that count without being handed a registry (the raw-record publisher) use the
    // global one: joining it puts their meters on this process's endpoint too.
    Metrics.addRegistry(r);
    return r;
  }
}
