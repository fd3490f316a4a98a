package dev.recon.ingestion.webhook.config;

import dev.recon.ingestion.store.TenantTransactions;
import dev.recon.schemas.kafka.Topics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A tenant's webhook endpoints and the limits that protect them. */
public record TenantWebhooks(
    String tenantId, List<PspWebhook> psps, int requestsPerSecond, int maxBodyBytes) {

  /** PSP webhook bodies are a few KiB; 1 MiB leaves room for batched Adyen notifications. */
  public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

  /** A body becomes one RawRecord, so it can never exceed what the raw topic takes. */
  public static final int MAX_BODY_BYTES_CEILING = Topics.MAX_RAW_RECORD_BYTES;

  /** PSPs retry with back-off, so a short burst over this only delays delivery. */
  public static final int DEFAULT_REQUESTS_PER_SECOND = 50;

  public static final int MAX_REQUESTS_PER_SECOND = 10_000;

  public TenantWebhooks {
    Objects.requireNonNull(tenantId, "tenantId");
    psps = List.copyOf(Objects.requireNonNull(psps, "psps"));
  }

  public static TenantWebhooks withDefaults(String tenantId, PspWebhook... psps) {
    return new TenantWebhooks(
        tenantId, List.of(psps), DEFAULT_REQUESTS_PER_SECOND, DEFAULT_MAX_BODY_BYTES);
  }

  public Optional<PspWebhook> psp(String name) {
    return psps.stream().filter(p -> p.psp().equals(name)).findFirst();
  }

  /** Every problem of this entry, each prefixed with where it is; empty when valid. */
  public List<String> problems(String where) {
    List<String> problems = new ArrayList<>();
    String at = where + "[" + tenantId + "]";
    if (!TenantTransactions.isTenantId(tenantId)) {
      problems.add(at + ": tenant id must match " + TenantTransactions.TENANT_ID.pattern());
    }
    if (psps.isEmpty()) {
      problems.add(at + ": no PSP enabled");
    }
    Set<String> seen = new HashSet<>();
    for (PspWebhook psp : psps) {
      if (!seen.add(psp.psp())) {
        problems.add(at + ": psp " + psp.psp() + " configured twice");
      }
      problems.addAll(psp.problems(at));
    }
    if (requestsPerSecond < 1 || requestsPerSecond > MAX_REQUESTS_PER_SECOND) {
      problems.add(at + ": requestsPerSecond must be 1.." + MAX_REQUESTS_PER_SECOND);
    }
    if (maxBodyBytes < 1 || maxBodyBytes > MAX_BODY_BYTES_CEILING) {
      problems.add(at + ": maxBodyBytes must be 1.." + MAX_BODY_BYTES_CEILING);
    }
    return problems;
  }
}
