package dev.recon.ledger.backup;

import java.util.List;

/**
 * What {@link RestoreVerification#verify} found.
 *
 * @param tenantsChecked how many tenants were checked
 * @param differences every difference found, in the order checked; empty if the ledger matches
 */
public record VerificationReport(int tenantsChecked, List<Difference> differences) {

  public VerificationReport {
    differences = List.copyOf(differences);
  }

  public boolean matches() {
    return differences.isEmpty();
  }
}
