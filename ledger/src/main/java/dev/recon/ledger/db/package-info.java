/**
 * The ledger's PostgreSQL side: migrations and role provisioning ({@link
 * dev.recon.ledger.db.LedgerDatabase}), the idempotent writer ({@link
 * dev.recon.ledger.db.LedgerWriter}) and the read side ({@link dev.recon.ledger.db.LedgerQueries}).
 * Writers and readers connect as a login of the application role and set the tenant per
 * transaction; row-level security does the rest.
 */
package dev.recon.ledger.db;
