package dev.recon.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recon.ledger.db.EmbeddedLedger;
import dev.recon.reporting.access.DemoCredential;
import dev.recon.reporting.access.DemoUsers;
import dev.recon.reporting.access.LoginThrottle;
import dev.recon.reporting.access.PasswordPolicy;
import dev.recon.reporting.access.Role;
import dev.recon.reporting.access.Users;
import dev.recon.reporting.casework.CaseStore;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebHttpIT {

  @TempDir static Path dir;
  static EmbeddedLedger pg;
  static WebServer web;
  static Map<Role, DemoCredential> acme;
  static Browserless viewer;
  static Browserless analyst;
  static Browserless admin;

  @BeforeAll
  static void start() throws Exception {
    pg = WebDatabase.start(dir.resolve("pg"));
    Users users =
        new Users(pg.app(), Clock.systemUTC(), PasswordPolicy.standard(), WebDatabase.TOTP_KEYS);
    acme = new java.util.EnumMap<>(Role.class);
    for (DemoCredential c : new DemoUsers(users).create("acme")) {
      acme.put(c.role(), c);
    }
    new DemoUsers(users).create("globex");
    new CaseStore(pg.app(), Clock.systemUTC()).recordRun(CaseFixtures.run("acme"));
    web = new WebServer("127.0.0.1", 0, pg.app(), Clock.systemUTC(), WebDatabase.TOTP_KEYS).start();
    viewer = signIn(Role.VIEWER);
    analyst = signIn(Role.ANALYST);
    admin = signIn(Role.ADMIN);
  }

  static Browserless signIn(Role role) throws Exception {
    DemoCredential c = acme.get(role);
    return new Browserless(web.port()).signIn(c.username(), c.password(), c.totpSecret());
  }

  @AfterAll
  static void stop() throws Exception {
    if (web != null) {
      web.close();
    }
    pg.close();
  }

  @Test
  void securityHeadersOnEveryResponse() throws Exception {
    Browserless anonymous = new Browserless(web.port());
    for (String path :
        List.of(
            "/login",
            "/healthz",
            "/no/such/page",
            "/api/openapi.json",
            "/t/acme",
            "/assets/app.css")) {
      HttpResponse<String> r = anonymous.get(path);
      assertThat(r.headers().firstValue("Content-Security-Policy"))
          .as(path)
          .hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
      assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow())
          .startsWith("default-src 'self'")
          .doesNotContain("unsafe-inline");
      assertThat(r.headers().firstValue("Strict-Transport-Security")).as(path).isPresent();
      assertThat(r.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
      assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
      assertThat(r.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
    }
    HttpResponse<String> login = anonymous.get("/login");
    assertThat(login.body())
        .doesNotContain("<script>")
        .doesNotContain("onclick")
        .doesNotContain("style=");
  }

  @Test
  void cookiesAreHttpOnlySecureAndStrict() throws Exception {
    HttpResponse<String> r = new Browserless(web.port()).get("/login");
    String set = r.headers().firstValue("Set-Cookie").orElseThrow().toLowerCase(Locale.ROOT);
    assertThat(set).contains("httponly", "secure", "samesite=strict");
  }

  @Test
  void anonymousIsSentToLoginAndApiNeedsAKey() throws Exception {
    Browserless anonymous = new Browserless(web.port());
    HttpResponse<String> r = anonymous.get("/t/acme/ledger/trial-balance");
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location")).hasValue("/login");
    assertThat(anonymous.api("/api/v1/tenants/acme/whoami", null).statusCode()).isEqualTo(401);
    assertThat(
            anonymous
                .api("/api/v1/tenants/acme/whoami", "rk_0123456789abcdef_" + "x".repeat(43))
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void postsWithoutTheCsrfTokenAreRefused() throws Exception {
    Browserless anonymous = new Browserless(web.port());
    anonymous.get("/login");
    HttpResponse<String> login =
        anonymous.post(
            "/login",
            Map.of(
                "_csrf", "forged", "username", acme.get(Role.VIEWER).username(), "password", "x"));
    assertThat(login.statusCode()).isEqualTo(403);

    HttpResponse<String> noToken =
        admin.post("/t/acme/admin/memberships", Map.of("username", "viewer@acme", "role", "ADMIN"));
    assertThat(noToken.statusCode()).isEqualTo(403);
    HttpResponse<String> wrongToken =
        admin.post(
            "/t/acme/admin/memberships",
            Map.of("_csrf", "x".repeat(43), "username", "viewer@acme", "role", "ADMIN"));
    assertThat(wrongToken.statusCode()).isEqualTo(403);
    assertThat(viewer.get("/t/acme/admin").statusCode()).isEqualTo(403);
  }

  @Test
  void rolesAreCheckedPerTenant() throws Exception {
    assertThat(viewer.get("/t/acme").statusCode()).isEqualTo(200);
    assertThat(viewer.get("/t/acme/ledger/trial-balance").statusCode()).isEqualTo(200);
    assertThat(viewer.get("/t/acme/admin").statusCode()).isEqualTo(403);
    assertThat(analyst.get("/t/acme/admin").statusCode()).isEqualTo(403);
    assertThat(admin.get("/t/acme/admin").statusCode()).isEqualTo(200);
    // acme's users have no role in globex
    assertThat(viewer.get("/t/globex").statusCode()).isEqualTo(403);
    assertThat(admin.get("/t/globex/admin").statusCode()).isEqualTo(403);
  }

  @Test
  void ledgerPagesAndTheCsvDownload() throws Exception {
    assertThat(viewer.get("/t/acme/ledger/balances?asOf=2026-01-31").statusCode()).isEqualTo(200);
    assertThat(viewer.get("/t/acme/ledger/journal?account=suspense&from=2026-01-01").statusCode())
        .isEqualTo(200);
    assertThat(viewer.get("/t/acme/ledger/journal?from=not-a-date").statusCode()).isEqualTo(400);
    HttpResponse<String> csv = viewer.get("/t/acme/ledger/trial-balance.csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.body()).startsWith("account,account_type,currency,debit_minor,credit_minor");
  }

  @Test
  void apiKeysAuthenticateAreScopedAndRevocable() throws Exception {
    String csrf = admin.csrfOf("/t/acme/admin");
    HttpResponse<String> created =
        admin.post(
            "/t/acme/admin/keys",
            Map.of(
                "_csrf",
                csrf,
                "username",
                acme.get(Role.ANALYST).username(),
                "label",
                "ci",
                "scope",
                "read"));
    assertThat(created.statusCode()).isEqualTo(200);
    Matcher m = Pattern.compile("id=\"created-key\">(rk_[^<]+)<").matcher(created.body());
    assertThat(m.find()).isTrue();
    String key = m.group(1);
    Browserless program = new Browserless(web.port());

    HttpResponse<String> whoami = program.api("/api/v1/tenants/acme/whoami", key);
    assertThat(whoami.statusCode()).isEqualTo(200);
    JsonNode body = new ObjectMapper().readTree(whoami.body());
    assertThat(body.get("user").asText()).isEqualTo(acme.get(Role.ANALYST).username());
    assertThat(body.get("role").asText()).isEqualTo("ANALYST");
    assertThat(
            program
                .api("/api/v1/tenants/acme/ledger/trial-balance?asOf=2026-01-31", key)
                .statusCode())
        .isEqualTo(200);
    assertThat(program.api("/api/v1/tenants/globex/whoami", key).statusCode()).isEqualTo(403);

    String keyId = key.substring(3, 19);
    HttpResponse<String> revoked =
        admin.post(
            "/t/acme/admin/keys/" + keyId + "/revoke",
            Map.of("_csrf", admin.csrfOf("/t/acme/admin")));
    assertThat(revoked.statusCode()).isEqualTo(303);
    assertThat(program.api("/api/v1/tenants/acme/whoami", key).statusCode()).isEqualTo(401);
  }

  @Test
  void loginIsRateLimitedPerUser() throws Exception {
    Users users =
        new Users(pg.app(), Clock.systemUTC(), PasswordPolicy.standard(), WebDatabase.TOTP_KEYS);
    users.create("rate-limited", "R", "violet tractor 42".toCharArray());
    Browserless attacker = new Browserless(web.port());
    for (int i = 0; i < LoginThrottle.USER_BURST; i++) {
      assertThat(attacker.password("rate-limited", "wrong password " + i).statusCode())
          .isEqualTo(401);
    }
    // even the right password is refused now
    assertThat(attacker.password("rate-limited", "violet tractor 42").statusCode()).isEqualTo(429);
  }

  @Test
  void logoutEndsTheSession() throws Exception {
    DemoCredential c = acme.get(Role.APPROVER);
    Browserless b = new Browserless(web.port()).signIn(c.username(), c.password(), c.totpSecret());
    assertThat(b.get("/t/acme").statusCode()).isEqualTo(200);
    String token = b.cookies.get(Guard.SESSION_COOKIE);
    assertThat(b.post("/logout", Map.of("_csrf", b.csrfOf("/t/acme"))).statusCode()).isEqualTo(303);
    Browserless replay = new Browserless(web.port());
    replay.cookies.put(Guard.SESSION_COOKIE, token);
    assertThat(replay.get("/t/acme").statusCode()).isEqualTo(303);
  }

  @Test
  void openApiDescribesEveryApiRoute() throws Exception {
    HttpResponse<String> r = new Browserless(web.port()).get(WebServer.OPENAPI_PATH);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode doc = new ObjectMapper().readTree(r.body());
    assertThat(doc.get("openapi").asText()).startsWith("3.");
    List<String> apiRoutes =
        web.registeredRoutes().stream()
            .filter(x -> x.split(" ", 2)[1].startsWith("/api/v1/"))
            .toList();
    assertThat(apiRoutes).isNotEmpty();
    for (String route : apiRoutes) {
      String method = route.split(" ", 2)[0].toLowerCase(Locale.ROOT);
      String path = route.split(" ", 2)[1];
      assertThat(doc.path("paths").path(path).has(method)).as(route).isTrue();
    }
  }

  private String createKey(Role forRole, String... scopes) throws Exception {
    String csrf = admin.csrfOf("/t/acme/admin");
    Map<String, String> fields =
        Map.of("_csrf", csrf, "username", acme.get(forRole).username(), "label", "k-" + forRole);
    HttpResponse<String> created =
        admin.postMulti("/t/acme/admin/keys", fields, "scope", List.of(scopes));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    Matcher m = Pattern.compile("id=\"created-key\">(rk_[^<]+)<").matcher(created.body());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  @Test
  void fourEyesThroughTheApi() throws Exception {
    String analystKey = createKey(Role.ANALYST, "read", "propose", "approve");
    String approverKey = createKey(Role.APPROVER, "read", "propose", "approve");
    Browserless program = new Browserless(web.port());
    ObjectMapper json = new ObjectMapper();

    HttpResponse<String> queue =
        program.api("/api/v1/tenants/acme/exceptions?sort=AGE", analystKey);
    assertThat(queue.statusCode()).isEqualTo(200);
    assertThat(json.readTree(queue.body()).path("rows").size()).isEqualTo(2);
    HttpResponse<String> detail = program.api("/api/v1/tenants/acme/exception?id=x-e3", analystKey);
    assertThat(detail.statusCode()).isEqualTo(200);
    assertThat(detail.body()).contains("expected.csv");

    HttpResponse<String> proposed =
        program.apiPost(
            "/api/v1/tenants/acme/proposals/write-off",
            analystKey,
            Map.of("exceptionId", "x-psp2", "comment", "paid twice"));
    assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(200);
    String proposalId = json.readTree(proposed.body()).path("proposal").path("proposalId").asText();
    HttpResponse<String> preview =
        program.api("/api/v1/tenants/acme/proposals/" + proposalId, approverKey);
    assertThat(preview.body()).contains("write_offs");

    // the analyst's role does not approve, whatever the key's scopes say
    assertThat(
            program
                .apiPost(
                    "/api/v1/tenants/acme/proposals/" + proposalId + "/approve",
                    analystKey,
                    Map.of())
                .statusCode())
        .isEqualTo(403);
    HttpResponse<String> approved =
        program.apiPost(
            "/api/v1/tenants/acme/proposals/" + proposalId + "/approve", approverKey, Map.of());
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    assertThat(json.readTree(approved.body()).path("status").asText()).isEqualTo("APPROVED");

    // an approver's own proposal needs a second person
    HttpResponse<String> own =
        program.apiPost(
            "/api/v1/tenants/acme/proposals/write-off",
            approverKey,
            Map.of("exceptionId", "x-e3", "comment", "duplicate"));
    String ownId = json.readTree(own.body()).path("proposal").path("proposalId").asText();
    assertThat(
            program
                .apiPost(
                    "/api/v1/tenants/acme/proposals/" + ownId + "/approve", approverKey, Map.of())
                .statusCode())
        .isEqualTo(403);
  }
}
