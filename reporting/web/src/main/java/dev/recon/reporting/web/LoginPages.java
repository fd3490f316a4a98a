package dev.recon.reporting.web;

import dev.recon.reporting.access.Login;
import dev.recon.reporting.access.LoginOutcome;
import dev.recon.reporting.access.Membership;
import dev.recon.reporting.access.SecretTokens;
import dev.recon.reporting.access.Session;
import dev.recon.reporting.access.Sessions;
import dev.recon.reporting.access.Users;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Login (password, then TOTP), logout and the choice of tenant. */
final class LoginPages {

  /** Form fields longer than this are not credentials; refused before any hashing. */
  static final int MAX_FIELD_LENGTH = 256;

  private final Login login;
  private final Sessions sessions;
  private final Users users;
  private final Guard guard;
  private final Templates templates;
  private final ActionAudit audit;

  LoginPages(
      Login login,
      Sessions sessions,
      Users users,
      Guard guard,
      Templates templates,
      ActionAudit audit) {
    this.login = login;
    this.sessions = sessions;
    this.users = users;
    this.guard = guard;
    this.templates = templates;
    this.audit = audit;
  }

  void root(Context ctx) {
    ctx.redirect("/tenants", HttpStatus.SEE_OTHER);
  }

  void loginForm(Context ctx) {
    showLogin(ctx, HttpStatus.OK, null);
  }

  private void showLogin(Context ctx, HttpStatus status, String error) {
    String csrf = SecretTokens.newToken();
    ctx.cookie(Guard.cookie(Guard.LOGIN_CSRF_COOKIE, csrf, 600));
    ctx.status(status);
    ctx.html(
        templates.render(
            "login", error == null ? Map.of("csrf", csrf) : Map.of("csrf", csrf, "error", error)));
  }

  void loginSubmit(Context ctx) {
    String expected = ctx.cookie(Guard.LOGIN_CSRF_COOKIE);
    if (expected == null || !SecretTokens.sameSecret(ctx.formParam(Guard.CSRF_FIELD), expected)) {
      throw new ForbiddenResponse("missing or wrong CSRF token: reload the page and try again");
    }
    String username = field(ctx, "username");
    String password = field(ctx, "password");
    LoginOutcome outcome = login.password(username, password.toCharArray(), ctx.ip());
    audit.record(
        null,
        username,
        "LOGIN_PASSWORD_STEP",
        username,
        Map.of("outcome", outcome.status().name(), "address", ctx.ip()));
    switch (outcome.status()) {
      case TOTP_REQUIRED -> {
        Guard.setSessionCookie(ctx, outcome.session().token());
        ctx.redirect("/login/totp", HttpStatus.SEE_OTHER);
      }
      case THROTTLED ->
          showLogin(
              ctx, HttpStatus.TOO_MANY_REQUESTS, "Too many attempts. Wait a minute and try again.");
      default -> showLogin(ctx, HttpStatus.UNAUTHORIZED, "Wrong user name or password.");
    }
  }

  void totpForm(Context ctx) {
    Optional<Session> pending = guard.pending(ctx);
    if (pending.isEmpty()) {
      ctx.redirect("/login", HttpStatus.SEE_OTHER);
      return;
    }
    ctx.html(templates.render("totp", Map.of("csrf", pending.get().csrfToken())));
  }

  void totpSubmit(Context ctx) {
    Optional<Session> pending = guard.pending(ctx);
    if (pending.isEmpty()) {
      ctx.redirect("/login", HttpStatus.SEE_OTHER);
      return;
    }
    Guard.requireCsrf(ctx, pending.get().csrfToken());
    LoginOutcome outcome =
        login.totp(ctx.cookie(Guard.SESSION_COOKIE), field(ctx, "code"), ctx.ip());
    audit.record(
        null,
        pending.get().username(),
        "LOGIN_TOTP_STEP",
        pending.get().username(),
        Map.of("outcome", outcome.status().name(), "address", ctx.ip()));
    switch (outcome.status()) {
      case SIGNED_IN -> {
        Guard.setSessionCookie(ctx, outcome.session().token());
        for (Membership m : users.membershipsOf(outcome.user().id())) {
          audit.record(
              m.tenantId(),
              m.username(),
              "LOGIN",
              "user:" + m.username(),
              Map.of("address", ctx.ip()));
        }
        ctx.redirect("/tenants", HttpStatus.SEE_OTHER);
      }
      case THROTTLED -> {
        ctx.status(HttpStatus.TOO_MANY_REQUESTS);
        ctx.html(
            templates.render(
                "totp",
                Map.of(
                    "csrf",
                    pending.get().csrfToken(),
                    "error",
                    "Too many attempts. Wait a minute and try again.")));
      }
      default -> {
        ctx.status(HttpStatus.UNAUTHORIZED);
        ctx.html(
            templates.render(
                "totp", Map.of("csrf", pending.get().csrfToken(), "error", "Wrong code.")));
      }
    }
  }

  void logout(Context ctx) {
    Session session = guard.signedIn(ctx);
    Guard.requireCsrf(ctx, session.csrfToken());
    sessions.revoke(ctx.cookie(Guard.SESSION_COOKIE));
    for (Membership m : users.membershipsOf(session.userId())) {
      audit.record(m.tenantId(), m.username(), "LOGOUT", "user:" + m.username(), Map.of());
    }
    Guard.clearSessionCookie(ctx);
    ctx.redirect("/login", HttpStatus.SEE_OTHER);
  }

  void logoutEverywhere(Context ctx) {
    Session session = guard.signedIn(ctx);
    Guard.requireCsrf(ctx, session.csrfToken());
    int ended = sessions.revokeAllOf(session.userId());
    audit.record(
        null,
        session.username(),
        "LOGOUT_EVERYWHERE",
        session.username(),
        Map.of("sessions", ended));
    Guard.clearSessionCookie(ctx);
    ctx.redirect("/login", HttpStatus.SEE_OTHER);
  }

  void tenants(Context ctx) {
    Session session = guard.signedIn(ctx);
    List<Membership> memberships = users.membershipsOf(session.userId());
    if (memberships.size() == 1) {
      ctx.redirect("/t/" + memberships.get(0).tenantId(), HttpStatus.SEE_OTHER);
      return;
    }
    ctx.html(
        templates.render(
            "tenants",
            Map.of(
                "user", session.username(),
                "csrf", session.csrfToken(),
                "memberships", memberships,
                "none", memberships.isEmpty())));
  }

  private static String field(Context ctx, String name) {
    String value = ctx.formParam(name);
    if (value == null) {
      return "";
    }
    return value.length() > MAX_FIELD_LENGTH ? value.substring(0, MAX_FIELD_LENGTH) : value;
  }
}
