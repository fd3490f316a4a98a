package dev.recon.ledger.backup;

/**
 * One way a restored ledger differs from its backup's figures.
 *
 * @param tenantId the tenant, or {@code null} for a difference not of one tenant
 * @param subject what differs: an entry id, an account and currency, a count
 */
public record Difference(
    String tenantId, Check check, String subject, String expected, String actual) {

  public enum Check {
    /** An entry that does not balance in some currency or has no postings. */
    UNBALANCED_ENTRY,
    /** Debit or credit total of an account in a currency. */
    TRIAL_BALANCE,
    ACCOUNTS,
    ENTRIES,
    POSTINGS,
    ENTRIES_DIGEST,
    POSTINGS_DIGEST,
    /** Found by the caller's own check (e.g. the casework audit chain). */
    EXTRA
  }
}
