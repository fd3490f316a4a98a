/**
 * Casework: what finance users work on, in PostgreSQL schema {@code casework} (migrations in {@code
 * db/migration/casework}, run by {@link dev.recon.reporting.casework.CaseworkDatabase}). {@link
 * dev.recon.reporting.casework.CaseStore} stores a run's outputs idempotently; every class works
 * through a login of the application role with the tenant set per transaction ({@link
 * dev.recon.reporting.casework.TenantTransactions}), under row-level security.
 */
package dev.recon.reporting.casework;
