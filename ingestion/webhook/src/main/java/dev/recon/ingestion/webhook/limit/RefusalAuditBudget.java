package dev.recon.ingestion.webhook.limit;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Bounds the audit rows that refused requests can write, so a flood of forged or unknown-tenant
 * requests cannot turn the audit table into its amplifier. Refusals over the budget are counted,
 * and the next audited refusal of that tenant says how many were left out.
 */
public final class RefusalAuditBudget {

  /** Enough for every genuine problem; a flood beyond it is summarised, not written row by row. */
  public static final int AUDITED_REFUSALS_PER_SECOND = 20;

  private final TenantBuckets buckets;
  private final Map<String, AtomicLong> suppressed;

  public RefusalAuditBudget(Iterable<String> tenants, Clock clock) {
    Map<String, Integer> rates = new java.util.HashMap<>();
    tenants.forEach(t -> rates.put(t, AUDITED_REFUSALS_PER_SECOND));
    this.buckets = new TenantBuckets(rates, clock);
    this.suppressed =
        rates.keySet().stream()
            .collect(Collectors.toUnmodifiableMap(t -> t, t -> new AtomicLong()));
  }

  /** True when this refusal may be written; otherwise it is counted for the next one. */
  public boolean admit(String tenant) {
    if (buckets.tryTake(tenant)) {
      return true;
    }
    suppressed.get(tenant).incrementAndGet();
    return false;
  }

  /** Refusals left out since the last call, reset to zero. */
  public long takeSuppressed(String tenant) {
    return suppressed.get(tenant).getAndSet(0);
  }
}
