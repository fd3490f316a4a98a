package dev.recon.reporting.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.recon.ledger.db.LedgerQueries;
import dev.recon.reporting.access.ApiKeys;
import dev.recon.reporting.access.ApiPrincipal;
import dev.recon.reporting.access.Login;
import dev.recon.reporting.access.LoginThrottle;
import dev.recon.reporting.access.PasswordPolicy;
import dev.recon.reporting.access.Sessions;
import dev.recon.reporting.access.TotpKeyring;
import dev.recon.reporting.access.Users;
import dev.recon.reporting.casework.audit.AuditTrail;
import dev.recon.reporting.casework.dashboard.Dashboard;
import dev.recon.reporting.casework.proposal.Proposals;
import dev.recon.reporting.casework.queue.ExceptionQueue;
import dev.recon.schemas.ManualDecision;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.RedirectResponse;
import io.javalin.http.staticfiles.Location;
import io.javalin.router.ParsedEndpoint;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web UI and JSON API on Javalin (Jetty 12): server-rendered Mustache pages, WebJars, session
 * cookies with TOTP, API keys, role checks per tenant on every route, CSRF tokens on every form,
 * and security headers on every response.
 *
 * <pre>
 *   WebServer web = new WebServer("127.0.0.1", 8080, appDataSource, Clock.systemUTC());
 *   web.start();   // web.port() is the port listened on (0 picks a free one)
 *   ...
 *   web.close();
 * </pre>
 */
public final class WebServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

  /** A client that stops sending loses its connection after this. */
  public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

  public static final int MAX_REQUEST_HEADER_BYTES = 16 * 1024;

  /** Forms are small; a bulk action names at most a few hundred exception ids. */
  public static final long MAX_REQUEST_BODY_BYTES = 1024 * 1024;

  public static final String API_PREFIX = "/api/v1";
  public static final String OPENAPI_PATH = "/api/openapi.json";

  private final String host;
  private final int requestedPort;
  private final Templates templates = new Templates();
  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .registerModule(new Jdk8Module())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private final Guard guard;
  private final LoginPages loginPages;
  private final LedgerPages ledgerPages;
  private final AdminPages adminPages;
  private final DashboardPage dashboard;
  private final CaseworkPages casework;
  private final List<ApiRoute> apiRoutes;
  private Javalin app;
  private int port = -1;

  /**
   * @param appDataSource a login of the application role (ledger, access and casework schemas)
   * @param clock time for sessions, TOTP, rate limits and "as of today"
   * @param totpKeys the keys that seal and open users' TOTP secrets
   */
  public WebServer(
      String host, int port, DataSource appDataSource, Clock clock, TotpKeyring totpKeys) {
    this(host, port, appDataSource, clock, totpKeys, decisions -> {});
  }

  /**
   * @param decisionSink receives the manual decision steps (propose, approve, reject) of every
   *     proposal action, to publish on the decisions topic so the matching job applies approved
   *     matches and unmatches; approved write-offs are booked in the ledger directly as well
   */
  public WebServer(
      String host,
      int port,
      DataSource appDataSource,
      Clock clock,
      TotpKeyring totpKeys,
      Consumer<List<ManualDecision>> decisionSink) {
    Objects.requireNonNull(decisionSink, "decisionSink");
    this.host = Objects.requireNonNull(host, "host");
    this.requestedPort = port;
    Objects.requireNonNull(appDataSource, "appDataSource");
    Objects.requireNonNull(clock, "clock");
    Users users =
        new Users(
            appDataSource,
            clock,
            PasswordPolicy.standard(),
            Objects.requireNonNull(totpKeys, "totpKeys"));
    Sessions sessions = new Sessions(appDataSource, clock);
    ApiKeys apiKeys = new ApiKeys(appDataSource, clock);
    ActionAudit audit = new ActionAudit(new AuditTrail(appDataSource, clock));
    ExceptionQueue queue = new ExceptionQueue(appDataSource, clock);
    Proposals proposals = new Proposals(appDataSource, clock);
    LedgerQueries ledger = new LedgerQueries(appDataSource);
    JournalSearch journal = new JournalSearch(appDataSource);
    this.guard = new Guard(sessions, users, apiKeys);
    this.loginPages =
        new LoginPages(
            new Login(users, sessions, new LoginThrottle(clock)),
            sessions,
            users,
            guard,
            templates,
            audit);
    this.ledgerPages = new LedgerPages(ledger, journal, guard, templates, clock, audit);
    this.adminPages = new AdminPages(users, apiKeys, sessions, guard, templates, audit);
    this.dashboard =
        new DashboardPage(new Dashboard(appDataSource, clock), ledger, guard, templates);
    this.casework = new CaseworkPages(queue, proposals, decisionSink, guard, templates);
    this.apiRoutes = new ApiRoutes(ledger, journal, queue, proposals, decisionSink, clock).routes();
  }

  /** Starts listening; returns this. */
  public synchronized WebServer start() {
    if (app != null) {
      throw new IllegalStateException("already started");
    }
    Javalin javalin =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.http.maxRequestSize = MAX_REQUEST_BODY_BYTES;
              config.jetty.modifyHttpConfiguration(
                  http -> {
                    http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES);
                    http.setSendServerVersion(false);
                  });
              config.jetty.addConnector(
                  (server, http) -> {
                    ServerConnector connector =
                        new ServerConnector(server, new HttpConnectionFactory(http));
                    connector.setHost(host);
                    connector.setPort(requestedPort);
                    connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
                    return connector;
                  });
              config.staticFiles.enableWebjars();
              config.staticFiles.add(
                  files -> {
                    files.hostedPath = "/assets";
                    files.directory = "/dev/recon/reporting/web/assets";
                    files.location = Location.CLASSPATH;
                  });
              config.routes.before(SecurityHeaders::apply);
              config.routes.exception(HttpResponseException.class, this::refusal);
              config.routes.exception(
                  Exception.class,
                  (e, ctx) -> {
                    LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
                    ctx.status(500);
                    answerError(ctx, 500, "internal error");
                  });
              registerPages(config.routes);
              for (ApiRoute route : apiRoutes) {
                config.routes.addHttpHandler(route.method(), route.path(), api(route));
              }
              config.routes.get(OPENAPI_PATH, ctx -> writeJson(ctx, OpenApi.describe(apiRoutes)));
              config.routes.get("/healthz", ctx -> writeJson(ctx, Map.of("status", "ok")));
              config.routes.get("/favicon.ico", ctx -> ctx.status(HttpStatus.NO_CONTENT));
            });
    javalin.start();
    Connector[] connectors = javalin.jettyServer().server().getConnectors();
    if (connectors.length != 1) {
      javalin.stop();
      throw new IllegalStateException("expected only the configured connector");
    }
    this.port = ((ServerConnector) connectors[0]).getLocalPort();
    this.app = javalin;
    LOG.info("web UI listening on http://{}:{}/", host, port);
    return this;
  }

  private void registerPages(io.javalin.config.RoutesConfig r) {
    r.get("/", loginPages::root);
    r.get("/login", loginPages::loginForm);
    r.post("/login", loginPages::loginSubmit);
    r.get("/login/totp", loginPages::totpForm);
    r.post("/login/totp", loginPages::totpSubmit);
    r.post("/logout", loginPages::logout);
    r.post("/logout/everywhere", loginPages::logoutEverywhere);
    r.get("/tenants", loginPages::tenants);
    r.get("/t/{tenant}", dashboard::page);
    r.get("/t/{tenant}/ledger/balances", ledgerPages::balances);
    r.get("/t/{tenant}/ledger/trial-balance", ledgerPages::trialBalance);
    r.get("/t/{tenant}/ledger/trial-balance.csv", ledgerPages::trialBalanceCsv);
    r.get("/t/{tenant}/ledger/journal", ledgerPages::journalPage);
    r.get("/t/{tenant}/exceptions", casework::queuePage);
    r.post("/t/{tenant}/exceptions/bulk-assign", casework::bulkAssign);
    r.get("/t/{tenant}/exception", casework::detailPage);
    r.post("/t/{tenant}/exception/assign", casework::assign);
    r.post("/t/{tenant}/exception/comment", casework::comment);
    r.post("/t/{tenant}/exception/write-off", casework::proposeWriteOff);
    r.post("/t/{tenant}/proposals/match", casework::proposeMatch);
    r.post("/t/{tenant}/proposals/unmatch", casework::proposeUnmatch);
    r.get("/t/{tenant}/proposals", casework::proposalsPage);
    r.get("/t/{tenant}/proposals/{proposalId}", casework::proposalPage);
    r.post("/t/{tenant}/proposals/{proposalId}/approve", casework::approve);
    r.post("/t/{tenant}/proposals/{proposalId}/reject", casework::reject);
    r.get("/t/{tenant}/admin", adminPages::page);
    r.post("/t/{tenant}/admin/users", adminPages::createUser);
    r.post("/t/{tenant}/admin/memberships", adminPages::grant);
    r.post("/t/{tenant}/admin/sessions/revoke", adminPages::revokeSessions);
    r.post("/t/{tenant}/admin/keys", adminPages::createKey);
    r.post("/t/{tenant}/admin/keys/{keyId}/revoke", adminPages::revokeKey);
  }

  private Handler api(ApiRoute route) {
    return ctx -> {
      ApiPrincipal principal = guard.api(ctx, route.permission());
      writeJson(ctx, route.handler().handle(ctx, principal));
    };
  }

  private void writeJson(Context ctx, Object value) throws Exception {
    ctx.contentType("application/json");
    ctx.result(json.writeValueAsBytes(value));
  }

  private void refusal(HttpResponseException e, Context ctx) {
    if (e instanceof RedirectResponse) {
      ctx.status(HttpStatus.SEE_OTHER);
      ctx.header("Location", e.getMessage());
      ctx.result("");
      return;
    }
    ctx.status(e.getStatus());
    answerError(ctx, e.getStatus(), e.getMessage());
  }

  private void answerError(Context ctx, int status, String message) {
    if (ctx.path().startsWith("/api/")) {
      ctx.contentType("application/json");
      try {
        ctx.result(json.writeValueAsBytes(Map.of("status", status, "error", message)));
      } catch (Exception impossible) {
        ctx.result("{}");
      }
    } else {
      ctx.html(templates.render("error", Map.of("status", status, "message", message)));
    }
  }

  /** The port listened on; valid after {@link #start}. */
  public int port() {
    if (port < 0) {
      throw new IllegalStateException("not started");
    }
    return port;
  }

  /** Every registered route as "METHOD path", for the OpenAPI completeness check. */
  public List<String> registeredRoutes() {
    List<String> out = new ArrayList<>();
    for (ParsedEndpoint e : app.unsafe.internalRouter.allHttpHandlers()) {
      out.add(e.endpoint.method.name() + " " + e.endpoint.path);
    }
    return out;
  }

  @Override
  public synchronized void close() {
    if (app != null) {
      app.stop();
      app = null;
    }
  }
}
