package dev.recon.reporting.web;

import dev.recon.reporting.access.ApiKeys;
import dev.recon.reporting.access.ApiPrincipal;
import dev.recon.reporting.access.Permission;
import dev.recon.reporting.access.Role;
import dev.recon.reporting.access.SecretTokens;
import dev.recon.reporting.access.Session;
import dev.recon.reporting.access.Sessions;
import dev.recon.reporting.access.Users;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.RedirectResponse;
import io.javalin.http.SameSite;
import io.javalin.http.UnauthorizedResponse;
import java.util.Optional;

/**
 * Who is asking and what they may do: the session cookie (browser) or the API key (programs), the
 * role in the tenant of the path, and the CSRF token of every form post.
 */
final class Guard {

  static final String SESSION_COOKIE = "recon_session";
  static final String LOGIN_CSRF_COOKIE = "recon_login_csrf";
  static final String CSRF_FIELD = "_csrf";

  private final Sessions sessions;
  private final Users users;
  private final ApiKeys apiKeys;

  Guard(Sessions sessions, Users users, ApiKeys apiKeys) {
    this.sessions = sessions;
    this.users = users;
    this.apiKeys = apiKeys;
  }

  /** A signed-in user (both factors) with a role in {tenant} allowing the permission. */
  record Viewer(Session session, String tenantId, Role role) {
    boolean may(Permission permission) {
      return role.allows(permission);
    }
  }

  /** The session of a signed-in user, or a redirect to the login page. */
  Session signedIn(Context ctx) {
    Optional<Session> session = sessions.lookup(ctx.cookie(SESSION_COOKIE));
    if (session.isEmpty() || !session.get().mfaPassed()) {
      throw new RedirectResponse(HttpStatus.SEE_OTHER, "/login");
    }
    return session.get();
  }

  /** A pending session (password step done, TOTP not yet), if any. */
  Optional<Session> pending(Context ctx) {
    return sessions.lookup(ctx.cookie(SESSION_COOKIE)).filter(s -> !s.mfaPassed());
  }

  /**
   * The signed-in user in the path's tenant, if the role allows the permission; for a POST also the
   * CSRF token.
   */
  Viewer tenant(Context ctx, Permission permission) {
    Session session = signedIn(ctx);
    String tenantId = ctx.pathParam("tenant");
    Role role =
        users
            .role(session.userId(), tenantId)
            .orElseThrow(() -> new ForbiddenResponse("no access to this tenant"));
    if (!role.allows(permission)) {
      throw new ForbiddenResponse("your role " + role + " may not do this");
    }
    if ("POST".equals(ctx.method().name())) {
      requireCsrf(ctx, session.csrfToken());
    }
    return new Viewer(session, tenantId, role);
  }

  static void requireCsrf(Context ctx, String expected) {
    if (!SecretTokens.sameSecret(ctx.formParam(CSRF_FIELD), expected)) {
      throw new ForbiddenResponse("missing or wrong CSRF token: reload the page and try again");
    }
  }

  /** The API key's principal, if it is valid for the path's tenant and allows the permission. */
  ApiPrincipal api(Context ctx, Permission permission) {
    String header = ctx.header("Authorization");
    if (header == null || !header.startsWith("Bearer ")) {
      throw new UnauthorizedResponse("an API key is required: Authorization: Bearer rk_...");
    }
    ApiPrincipal principal =
        apiKeys
            .authenticate(header.substring("Bearer ".length()).trim())
            .orElseThrow(() -> new UnauthorizedResponse("unknown or revoked API key"));
    if (!principal.tenantId().equals(ctx.pathParam("tenant"))) {
      throw new ForbiddenResponse("the key is for another tenant");
    }
    if (!principal.allows(permission)) {
      throw new ForbiddenResponse("the key's scopes or its user's role do not allow this");
    }
    return principal;
  }

  static void setSessionCookie(Context ctx, String token) {
    ctx.cookie(cookie(SESSION_COOKIE, token, -1));
  }

  static void clearSessionCookie(Context ctx) {
    ctx.cookie(cookie(SESSION_COOKIE, "", 0));
  }

  static Cookie cookie(String name, String value, int maxAgeSeconds) {
    return new Cookie(name, value, "/", maxAgeSeconds, true, true, null, SameSite.STRICT);
  }
}
