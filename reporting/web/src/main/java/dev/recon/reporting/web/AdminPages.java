package dev.recon.reporting.web;

import dev.recon.reporting.access.ApiKey;
import dev.recon.reporting.access.ApiKeys;
import dev.recon.reporting.access.ApiScope;
import dev.recon.reporting.access.Membership;
import dev.recon.reporting.access.NewApiKey;
import dev.recon.reporting.access.NewUser;
import dev.recon.reporting.access.PasswordViolation;
import dev.recon.reporting.access.Permission;
import dev.recon.reporting.access.Role;
import dev.recon.reporting.access.Sessions;
import dev.recon.reporting.access.User;
import dev.recon.reporting.access.Users;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The tenant administrator's pages: members and their roles, API keys, sessions. */
final class AdminPages {

  private final Users users;
  private final ApiKeys apiKeys;
  private final Sessions sessions;
  private final Guard guard;
  private final Templates templates;
  private final ActionAudit audit;

  AdminPages(
      Users users,
      ApiKeys apiKeys,
      Sessions sessions,
      Guard guard,
      Templates templates,
      ActionAudit audit) {
    this.users = users;
    this.apiKeys = apiKeys;
    this.sessions = sessions;
    this.guard = guard;
    this.templates = templates;
    this.audit = audit;
  }

  void page(Context ctx) {
    Guard.Viewer v = guard.tenant(ctx, Permission.ADMINISTER);
    render(ctx, v, Map.of());
  }

  private void render(Context ctx, Guard.Viewer v, Map<String, Object> extra) {
    Map<String, Object> m = Page.model(v, "Administration");
    List<Membership> members = users.membersOf(v.tenantId());
    m.put("members", members);
    List<Map<String, Object>> keys = new ArrayList<>();
    for (ApiKey k : apiKeys.list(v.tenantId())) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("keyId", k.keyId());
      r.put("label", k.label());
      r.put("scopes", ApiScope.format(k.scopes()));
      r.put(
          "user",
          members.stream()
              .filter(x -> x.userId() == k.userId())
              .map(Membership::username)
              .findFirst()
              .orElse("#" + k.userId()));
      r.put("createdAt", k.createdAt().toString());
      r.put("lastUsedAt", k.lastUsedAt() == null ? "never" : k.lastUsedAt().toString());
      r.put("revoked", k.revoked());
      keys.add(r);
    }
    m.put("keys", keys);
    m.put("roles", List.of(Role.values()));
    m.putAll(extra);
    ctx.html(templates.render("admin", m));
  }

  void createUser(Context ctx) {
    Guard.Viewer v = guard.tenant(ctx, Permission.ADMINISTER);
    String username = required(ctx, "username").toLowerCase(Locale.ROOT);
    String password = ctx.formParam("password");
    if (password == null) {
      throw new BadRequestResponse("password is required");
    }
    Role role = role(ctx);
    Optional<PasswordViolation> violation = users.policy().check(password);
    if (violation.isPresent()) {
      ctx.status(HttpStatus.BAD_REQUEST);
      render(ctx, v, Map.of("error", "Password refused: " + violation.get().explanation()));
      return;
    }
    NewUser created;
    try {
      created = users.create(username, required(ctx, "displayName"), password.toCharArray());
    } catch (IllegalArgumentException e) {
      ctx.status(HttpStatus.BAD_REQUEST);
      render(ctx, v, Map.of("error", e.getMessage()));
      return;
    }
    users.grant(created.user().id(), v.tenantId(), role);
    audit.record(
        v.tenantId(),
        v.session().username(),
        "USER_CREATED",
        username,
        Map.of("role", role.name()));
    render(
        ctx,
        v,
        Map.of(
            "createdUser", username,
            "createdSecret", created.totpSecret().base32(),
            "createdUri", created.totpSecret().otpauthUri(username)));
  }

  void grant(Context ctx) {
    Guard.Viewer v = guard.tenant(ctx, Permission.ADMINISTER);
    User user = user(ctx);
    Role role = role(ctx);
    users.grant(user.id(), v.tenantId(), role);
    audit.record(
        v.tenantId(),
        v.session().username(),
        "MEMBERSHIP_GRANTED",
        user.username(),
        Map.of("role", role.name()));
    ctx.redirect("/t/" + v.tenantId() + "/admin", HttpStatus.SEE_OTHER);
  }

  void revokeSessions(Context ctx) {
    Guard.Viewer v = guard.tenant(ctx, Permission.ADMINISTER);
    User user = user(ctx);
    if (users.role(user.id(), v.tenantId()).isEmpty()) {
      throw new BadRequestResponse("not a member of this tenant");
    }
    int ended = sessions.revokeAllOf(user.id());
    audit.record(
        v.tenantId(),
        v.session().username(),
        "SESSIONS_REVOKED",
        user.username(),
        Map.of("sessions", ended));
    ctx.redirect("/t/" + v.tenantId() + "/admin", HttpStatus.SEE_OTHER);
  }

  void createKey(Context ctx) {
    Guard.Viewer v = guard.tenant(ctx, Permission.ADMINISTER);
    User user = user(ctx);
    if (users.role(user.id(), v.tenantId()).isEmpty()) {
      throw new BadRequestResponse("the key's user must be a member of this tenant");
    }
    EnumSet<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
    for (String s : ctx.formParams("scope")) {
      try {
        scopes.add(ApiScope.valueOf(s.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new BadRequestResponse("unknown scope " + s);
      }
    }
    NewApiKey key;
    try {
      key = apiKeys.create(user.id(), v.tenantId(), scopes, required(ctx, "label"));
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse(e.getMessage());
    }
    audit.record(
        v.tenantId(),
        v.session().username(),
        "API_KEY_CREATED",
        key.info().keyId(),
        Map.of("user", user.username(), "scopes", ApiScope.format(scopes)));
    render(ctx, v, Map.of("createdKey", key.key()));
  }

  void revokeKey(Context ctx) {
    Guard.Viewer v = guard.tenant(ctx, Permission.ADMINISTER);
    String keyId = ctx.pathParam("keyId");
    boolean revoked = apiKeys.revoke(v.tenantId(), keyId);
    audit.record(
        v.tenantId(), v.session().username(), "API_KEY_REVOKED", keyId, Map.of("revoked", revoked));
    ctx.redirect("/t/" + v.tenantId() + "/admin", HttpStatus.SEE_OTHER);
  }

  private User user(Context ctx) {
    return users
        .byName(required(ctx, "username"))
        .orElseThrow(() -> new BadRequestResponse("no such user"));
  }

  private static Role role(Context ctx) {
    try {
      return Role.valueOf(required(ctx, "role"));
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse("unknown role");
    }
  }

  static String required(Context ctx, String name) {
    String value = ctx.formParam(name);
    if (value == null || value.isBlank() || value.length() > LoginPages.MAX_FIELD_LENGTH) {
      throw new BadRequestResponse(
          name + " is required (at most " + LoginPages.MAX_FIELD_LENGTH + " characters)");
    }
    return value.trim();
  }
}
