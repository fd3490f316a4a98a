package dev.recon.reporting.access;

import java.util.Set;

/**
 * Who a request with an API key acts as: the key's user in the key's tenant, allowed what both the
 * key's scopes and the user's current role allow.
 */
public record ApiPrincipal(
    String keyId, long userId, String username, String tenantId, Role role, Set<ApiScope> scopes) {

  public ApiPrincipal {
    scopes = Set.copyOf(scopes);
  }

  public boolean allows(Permission permission) {
    return role.allows(permission)
        && scopes.stream().anyMatch(scope -> scope.permission() == permission);
  }
}
