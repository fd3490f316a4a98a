package dev.recon.ingestion.webhook;

import dev.recon.ingestion.webhook.config.WebhookSettings;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP shell of the webhook receiver: {@code POST /webhooks/{tenant}/{psp}} on Javalin (Jetty
 * 12). It only translates between HTTP and {@link WebhookReceiver}; every decision is there.
 */
public final class WebhookServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookServer.class);

  public static final String PATH = "/webhooks/{tenant}/{psp}";

  /** A client that stops sending (slow-loris) loses its connection after this. */
  public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

  /** Request line plus headers; PSP signature headers are well under 1 KiB. */
  public static final int MAX_REQUEST_HEADER_BYTES = 8 * 1024;

  /** Every method is routed, so that a wrong one is answered 405 and audited, not just 404. */
  private static final List<HandlerType> METHODS =
      List.of(
          HandlerType.GET,
          HandlerType.POST,
          HandlerType.PUT,
          HandlerType.PATCH,
          HandlerType.DELETE,
          HandlerType.OPTIONS);

  private final Javalin app;
  private final int port;

  private WebhookServer(Javalin app, int port) {
    this.app = app;
    this.port = port;
  }

  /**
   * Validates the settings (all problems at once), then listens on {@code settings.host():port}
   * (port 0 picks a free one; see {@link #port()}).
   *
   * @throws IllegalArgumentException listing every configuration problem
   */
  public static WebhookServer start(WebhookSettings settings, WebhookCollaborators collaborators) {
    WebhookReceiver receiver = new WebhookReceiver(settings, collaborators);
    Javalin app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.jetty.modifyHttpConfiguration(
                  http -> {
                    http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES);
                    http.setSendServerVersion(false);
                  });
              config.jetty.addConnector(
                  (server, http) -> {
                    ServerConnector connector =
                        new ServerConnector(server, new HttpConnectionFactory(http));
                    connector.setHost(settings.host());
                    connector.setPort(settings.port());
                    connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
                    return connector;
                  });
              for (HandlerType method : METHODS) {
                config.routes.addHttpHandler(method, PATH, ctx -> answer(receiver, ctx));
              }
              config.routes.exception(
                  Exception.class,
                  (e, ctx) -> {
                    LOG.error("webhook handler failed", e);
                    ctx.status(500).result("internal error");
                  });
            });
    app.start();
    Connector[] connectors = app.jettyServer().server().getConnectors();
    if (connectors.length != 1) {
      // Javalin would otherwise add its own default connector on all interfaces.
      app.stop();
      throw new IllegalStateException(
          "expected only the configured connector, found " + connectors.length);
    }
    ServerConnector connector = (ServerConnector) connectors[0];
    int port = connector.getLocalPort();
    LOG.info(
        "webhook receiver listening on {}:{} for {} tenants",
        settings.host(),
        port,
        settings.tenants().size());
    return new WebhookServer(app, port);
  }

  private static void answer(WebhookReceiver receiver, Context ctx) throws IOException {
    HttpServletRequest http = ctx.req();
    WebhookRequest request =
        new WebhookRequest(
            http.getMethod(),
            ctx.pathParam("tenant"),
            ctx.pathParam("psp"),
            http.getContentType(),
            http.getContentLengthLong(),
            headers(http),
            http.getInputStream());
    WebhookReply reply = receiver.receive(request);
    ctx.status(reply.status());
    reply.headers().forEach(ctx::header);
    ctx.contentType(reply.contentType());
    ctx.result(reply.body());
  }

  private static Map<String, String> headers(HttpServletRequest http) {
    Map<String, String> headers = new HashMap<>();
    for (String name : Collections.list(http.getHeaderNames())) {
      headers.putIfAbsent(name, http.getHeader(name));
    }
    return headers;
  }

  /** The port actually listened on. */
  public int port() {
    return port;
  }

  /** Stops listening; requests in flight are cut, and as they got no 2xx their PSPs retry. */
  @Override
  public void close() {
    app.stop();
  }
}
