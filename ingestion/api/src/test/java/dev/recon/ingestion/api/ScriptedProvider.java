package dev.recon.ingestion.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 playing a provider: each path (query included) answers with its
 * scripted replies in order, the last one repeating; anything unscripted gets 404.
 */
public final class ScriptedProvider implements AutoCloseable {

  /** One scripted answer. */
  @SuppressWarnings("ArrayRecordComponent") // test data, never shared mutably
  public record Reply(
      int status, byte[] body, Map<String, String> headers, boolean streamed, long delayMillis) {

    public static Reply json(String body) {
      return new Reply(200, body.getBytes(StandardCharsets.UTF_8), Map.of(), false, 0);
    }

    public static Reply bytes(byte[] body) {
      return new Reply(200, body, Map.of(), false, 0);
    }

    public static Reply status(int status) {
      return new Reply(
          status, "{\"error\":{}}".getBytes(StandardCharsets.UTF_8), Map.of(), false, 0);
    }

    public Reply withHeader(String name, String value) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.put(name, value);
      return new Reply(status, body, h, streamed, delayMillis);
    }

    /** Sent without Content-Length, so the client learns the size only by reading. */
    public Reply chunked() {
      return new Reply(status, body, headers, true, delayMillis);
    }

    public Reply delayed(long millis) {
      return new Reply(status, body, headers, streamed, millis);
    }
  }

  /** A request as the server saw it; header names in lower case. */
  public record Request(String method, String target, Map<String, String> headers, String body) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, Deque<Reply>> scripts = new HashMap<>();
  private final List<Request> requests = new ArrayList<>();

  private ScriptedProvider() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  public static ScriptedProvider start() throws IOException {
    return new ScriptedProvider();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Replaces the script of a target (path plus query, as the client sends it). */
  public synchronized ScriptedProvider on(String target, Reply... replies) {
    scripts.put(target, new ArrayDeque<>(List.of(replies)));
    return this;
  }

  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  public synchronized long count(String target) {
    return requests.stream().filter(r -> r.target().equals(target)).count();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getRawQuery();
    String target = exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query);
    Map<String, String> headers = new HashMap<>();
    exchange
        .getRequestHeaders()
        .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Reply reply;
    synchronized (this) {
      requests.add(new Request(exchange.getRequestMethod(), target, headers, body));
      Deque<Reply> script = scripts.get(target);
      if (script == null || script.isEmpty()) {
        reply = Reply.status(404);
      } else {
        reply = script.size() > 1 ? script.poll() : script.peek();
      }
    }
    try {
      if (reply.delayMillis() > 0) {
        Thread.sleep(reply.delayMillis());
      }
      reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      long length = reply.streamed() ? 0 : (reply.body().length == 0 ? -1 : reply.body().length);
      exchange.sendResponseHeaders(reply.status(), length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(reply.body());
      }
    } catch (IOException e) {
      // The client stopped reading (over the limit, or timed out): expected in those tests.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      exchange.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
