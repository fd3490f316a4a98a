/**
 * Backup and disaster recovery of the ledger, with a check that the restored ledger balances and
 * matches what was backed up.
 *
 * <h2>Built in: {@link dev.recon.ledger.backup.LedgerBackup} / {@link
 * dev.recon.ledger.backup.LedgerRestore} / {@link dev.recon.ledger.backup.RestoreVerification}</h2>
 *
 * For the embedded default and any installation without PostgreSQL client tools of the server's
 * major version (the embedded PostgreSQL 17 ships no pg_dump, and an older pg_dump refuses a newer
 * server). The backup reads every data table of the ledger schema (and of the other schemas named,
 * e.g. casework, access, ingestion) in one repeatable-read, read-only transaction, so files and
 * figures describe one instant. Each table becomes {@code <schema>.<table>.csv.gz}: PostgreSQL CSV
 * COPY with a header, ordered by primary key, gzip. CSV rather than binary COPY because it loads
 * into any later major version and architecture, and a person can read it. {@code manifest.json} is
 * written last and holds the PostgreSQL version, each schema's Flyway version, row count, size and
 * SHA-256 of every file, sequence values, and the ledger's check figures from the same snapshot:
 * entry, posting and account counts, the trial balance (debit and credit totals per account and
 * currency) and SHA-256 digests over the entries and the postings in key order, per tenant.
 * Partitioned tables are read through their parent; unlogged tables (transient by design), Flyway
 * histories and partitions the archive kept detached are not backed up.
 *
 * <p>The restore refuses a manifest it cannot read, a backup over the limits, a file whose size or
 * SHA-256 differs, a target whose backed-up schemas hold any row, and a backup of a newer schema
 * version than this code migrates to. It runs the ledger's migrations and those the caller passes
 * for the other schemas, then restores everything in one transaction with every integrity trigger
 * active: the ledger's rows are staged and booked per tenant in the order a writer books them
 * (entries with their postings, reversals after what they reverse), month partitions come from
 * {@code ledger.ledger_ensure_month} in the same transaction, the tables the database derives
 * (daily balances, the reversal register) are rebuilt by its triggers and compared with the backup
 * row for row, and the row counts and check figures are taken again before COMMIT. Any difference
 * rolls everything back.
 *
 * <p>Both need a role that bypasses row-level security (superuser or BYPASSRLS), as pg_dump does:
 * every ledger table has FORCE ROW LEVEL SECURITY, and a role under the tenant policies would see
 * nothing. The verification then reads through the application role, tenant by tenant, as the
 * platform does.
 *
 * <h2>Self-hosted PostgreSQL: pg_dump / pg_restore</h2>
 *
 * <pre>
 * pg_dump -Fc --no-owner -d "$SOURCE_URL" -U &lt;superuser or BYPASSRLS role&gt; -f recon.dump
 * createdb recon_restored
 * psql -d recon_restored -c "CREATE ROLE recon_app NOLOGIN NOSUPERUSER NOBYPASSRLS"  # roles are cluster-wide
 * pg_restore --exit-on-error --single-transaction -d recon_restored recon.dump
 * recon verify-ledger                                  # against the restored database
 * </pre>
 *
 * pg_dump needs a client of at least the server's major version. Restore the whole dump (schema and
 * data) into an empty database: pg_restore loads the data before it creates the triggers, so the
 * ledger's checks do not see a bulk load they would refuse; never restore data only into a migrated
 * schema. Then provision the application login again ({@code recon migrate} does) and run the
 * verification. For recovery to any point in time, add continuous WAL archiving ({@code
 * archive_mode = on}, {@code archive_command} or pgBackRest / WAL-G) and base backups with {@code
 * pg_basebackup}.
 *
 * <h2>Amazon RDS: automated backups and point-in-time recovery</h2>
 *
 * Keep automated backups on (backup retention 7-35 days) and deletion protection; RDS archives the
 * WAL itself. To recover, restore to a new instance and verify it before pointing the platform at
 * it:
 *
 * <pre>
 * aws rds restore-db-instance-to-point-in-time \
 *   --source-db-instance-identifier recon-ledger \
 *   --target-db-instance-identifier recon-ledger-restored \
 *   --restore-time 2026-11-25T21:00:00Z          # or --use-latest-restorable-time
 * aws rds wait db-instance-available --db-instance-identifier recon-ledger-restored
 * recon verify-ledger                            # with the database URL of the new instance
 * </pre>
 *
 * <p>After pg_restore or a point-in-time recovery there is no manifest taken at the same instant:
 * {@code recon verify-ledger} takes the figures on the restored database as the owner ({@link
 * dev.recon.ledger.backup.LedgerBackup#figures}) and checks that every entry balances and that the
 * application role's view, tenant by tenant, agrees with them; with the figures of a backup
 * manifest it compares against those instead.
 */
package dev.recon.ledger.backup;
