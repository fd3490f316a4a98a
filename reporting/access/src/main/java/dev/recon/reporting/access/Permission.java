package dev.recon.reporting.access;

/** What a role or an API key allows, checked on every route. */
public enum Permission {
  /** See dashboards, exceptions, ledger pages and reports. */
  READ,
  /** Assign, comment and propose manual matches, unmatches and write-offs. */
  PROPOSE,
  /** Approve or reject another user's proposal. */
  APPROVE,
  /** Manage users, memberships and API keys of the tenant. */
  ADMINISTER
}
