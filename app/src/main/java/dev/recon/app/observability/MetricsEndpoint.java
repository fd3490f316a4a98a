package dev.recon.app.observability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The process's operations endpoint, on its own port so it can be kept off the public interface the
 * webhooks and the UI listen on: {@code GET /metrics} (Prometheus text format of {@link
 * ProcessMetrics}), {@code GET /health/live} (the process serves requests) and {@code GET
 * /health/ready} (every readiness check passes: 503 naming the failing ones otherwise), as an
 * orchestrator's probes expect them.
 */
public final class MetricsEndpoint implements AutoCloseable {

  public static final String PATH = "/metrics";
  public static final String LIVE = "/health/live";
  public static final String READY = "/health/ready";

  private final PrometheusMeterRegistry registry;
  private final HttpServer server;
  private final Map<String, BooleanSupplier> readiness = new ConcurrentHashMap<>();

  private MetricsEndpoint(PrometheusMeterRegistry registry, HttpServer server) {
    this.registry = registry;
    this.server = server;
  }

  public static MetricsEndpoint start(String host, int port) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
    MetricsEndpoint endpoint = new MetricsEndpoint(ProcessMetrics.registry(), server);
    server.createContext(
        PATH, exchange -> endpoint.respond(exchange, 200, endpoint.registry.scrape()));
    server.createContext(LIVE, exchange -> endpoint.respond(exchange, 200, "live\n"));
    server.createContext(READY, endpoint::ready);
    server.start();
    return endpoint;
  }

  /** Adds a condition {@code /health/ready} requires, e.g. "the database answers". */
  public void readinessCheck(String name, BooleanSupplier check) {
    readiness.put(name, check);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void ready(HttpExchange exchange) throws IOException {
    List<String> failing = new ArrayList<>();
    readiness.forEach(
        (name, check) -> {
          boolean ok;
          try {
            ok = check.getAsBoolean();
          } catch (RuntimeException e) {
            ok = false;
          }
          if (!ok) {
            failing.add(name);
          }
        });
    failing.sort(null);
    if (failing.isEmpty()) {
      respond(exchange, 200, "ready\n");
    } else {
      respond(exchange, 503, "not ready: " + String.join(", ", failing) + "\n");
    }
  }

  private void respond(HttpExchange exchange, int status, String text) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] body = text.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** Stops serving; the registry belongs to the process and stays. */
  @Override
  public void close() {
    server.stop(0);
  }
}
