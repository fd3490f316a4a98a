package dev.recon.ingestion.webhook.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The webhook receiver's configuration: where it listens and each tenant's endpoints. Validated as
 * a whole so that an operator sees every mistake at once.
 */
public record WebhookSettings(String host, int port, List<TenantWebhooks> tenants) {

  public WebhookSettings {
    Objects.requireNonNull(host, "host");
    tenants = List.copyOf(Objects.requireNonNull(tenants, "tenants"));
  }

  /** Every problem of the configuration; empty when it is valid. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (host.isBlank()) {
      problems.add("webhooks.host must not be blank");
    }
    if (port < 0 || port > 65_535) {
      problems.add("webhooks.port must be 0..65535 (0 picks a free port)");
    }
    if (tenants.isEmpty()) {
      problems.add("webhooks.tenants: no tenant configured");
    }
    Set<String> seen = new HashSet<>();
    for (TenantWebhooks tenant : tenants) {
      if (!seen.add(tenant.tenantId())) {
        problems.add("webhooks.tenants: tenant " + tenant.tenantId() + " configured twice");
      }
      problems.addAll(tenant.problems("webhooks.tenants"));
    }
    return problems;
  }

  /**
   * @throws IllegalArgumentException listing every problem, one per line
   */
  public WebhookSettings requireValid() {
    List<String> problems = problems();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid webhook configuration:\n  " + String.join("\n  ", problems));
    }
    return this;
  }
}
