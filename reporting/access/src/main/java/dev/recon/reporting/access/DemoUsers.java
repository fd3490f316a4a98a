package dev.recon.reporting.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One user per role in a tenant, named {@code <role>@<tenant>} (lower case), each with a fresh
 * random password and TOTP secret. Running it again (a demo restarted on kept data) resets their
 * credentials instead of failing.
 */
public final class DemoUsers {

  private final Users users;

  public DemoUsers(Users users) {
    this.users = users;
  }

  public List<DemoCredential> create(String tenantId) {
    Users.requireTenant(tenantId);
    List<DemoCredential> out = new ArrayList<>();
    for (Role role : Role.values()) {
      String username =
          role.name().toLowerCase(Locale.ROOT) + "@" + tenantId.toLowerCase(Locale.ROOT);
      String password = SecretTokens.newToken().substring(0, 20);
      String displayName =
          role.name().charAt(0)
              + role.name().substring(1).toLowerCase(Locale.ROOT)
              + " ("
              + tenantId
              + ")";
      NewUser user =
          users
              .byName(username)
              .map(existing -> users.resetCredentials(existing.id(), password.toCharArray()))
              .orElseGet(() -> users.create(username, displayName, password.toCharArray()));
      users.grant(user.user().id(), tenantId, role);
      out.add(
          new DemoCredential(
              tenantId,
              role,
              username,
              password,
              user.totpSecret().base32(),
              user.totpSecret().otpauthUri(username)));
    }
    return out;
  }
}
