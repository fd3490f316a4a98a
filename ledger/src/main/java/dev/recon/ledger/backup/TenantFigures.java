package dev.recon.ledger.backup;

import java.util.List;
import java.util.Objects;

/**
 * One tenant's check figures.
 *
 * @param entriesSha256 SHA-256 over the tenant's journal entries in key order ({@link
 *     CheckFigures})
 * @param postingsSha256 SHA-256 over the tenant's postings in key order
 * @param trialBalance debit and credit totals per account and currency, sorted by account then
 *     currency
 */
public record TenantFigures(
    String tenantId,
    long accounts,
    long entries,
    long postings,
    String entriesSha256,
    String postingsSha256,
    List<BalanceLine> trialBalance) {

  public TenantFigures {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(entriesSha256, "entriesSha256");
    Objects.requireNonNull(postingsSha256, "postingsSha256");
    trialBalance = List.copyOf(trialBalance);
  }
}
