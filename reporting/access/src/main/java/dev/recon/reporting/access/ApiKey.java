package dev.recon.reporting.access;

import java.time.Instant;
import java.util.Set;

/** An API key's public facts (never its secret). */
public record ApiKey(
    String keyId,
    long userId,
    String tenantId,
    Set<ApiScope> scopes,
    String label,
    Instant createdAt,
    Instant lastUsedAt,
    Instant revokedAt) {

  public ApiKey {
    scopes = Set.copyOf(scopes);
  }

  public boolean revoked() {
    return revokedAt != null;
  }
}
