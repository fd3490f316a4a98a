package dev.recon.app.observability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.zip.GZIPInputStream;

/**
 * CloudWatch on 127.0.0.1 for tests: keeps every request (path, headers, body, gunzipped if sent
 * compressed) and answers each with an empty success in the protocol it was asked in.
 */
final class CloudWatchStandIn implements AutoCloseable {
  /** A PutMetricData of 1000 data points is well under this. */
  static final int MAX_BODY_BYTES = 1024 * 1024;

  /** Smithy RPCv2 CBOR: an empty map (major type 5, length 0). */
  private static final byte[] CBOR_EMPTY_MAP = {(byte) 0xA0};

  private static final String QUERY_RESPONSE =
      "<PutMetricDataResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\">"
          + "<ResponseMetadata><RequestId>stand-in</RequestId></ResponseMetadata>"
          + "</PutMetricDataResponse>";

  /** One request as the stand-in received it; header names in lower case. */
  @SuppressWarnings("ArrayRecordComponent") // read once by the test, never compared
  record Request(String method, String path, Map<String, List<String>> headers, byte[] body) {
    String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.get(0);
    }
  }

  private final HttpServer server;
  private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();

  private CloudWatchStandIn(HttpServer server) {
    this.server = server;
  }

  static CloudWatchStandIn start() throws IOException {
    HttpServer server =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
    CloudWatchStandIn standIn = new CloudWatchStandIn(server);
    server.createContext("/", standIn::handle);
    server.start();
    return standIn;
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  BlockingQueue<Request> requests() {
    return requests;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(MAX_BODY_BYTES + 1);
      }
      if (body.length > MAX_BODY_BYTES) {
        exchange.sendResponseHeaders(413, -1);
        return;
      }
      if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
          body = in.readNBytes(MAX_BODY_BYTES);
        }
      }
      Map<String, List<String>> headers = new java.util.TreeMap<>();
      exchange
          .getRequestHeaders()
          .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
      requests.add(
          new Request(
              exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body));
      String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
      byte[] response;
      if (contentType.startsWith("application/cbor")) {
        exchange.getResponseHeaders().add("smithy-protocol", "rpc-v2-cbor");
        exchange.getResponseHeaders().add("Content-Type", "application/cbor");
        response = CBOR_EMPTY_MAP;
      } else if (contentType.startsWith("application/x-amz-json")) {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        response = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      } else {
        exchange.getResponseHeaders().add("Content-Type", "text/xml");
        response = QUERY_RESPONSE.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      }
      exchange.getResponseHeaders().add("x-amzn-RequestId", "stand-in");
      exchange.sendResponseHeaders(200, response.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(response);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
