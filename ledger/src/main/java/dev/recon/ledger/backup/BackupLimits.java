package dev.recon.ledger.backup;

/**
 * Caps on what a backup may hold and a restore may accept: a backup folder comes from outside the
 * process on restore, so its claims are bounded before anything is read into the database.
 *
 * @param maxBackupBytes compressed bytes of all table files together
 * @param maxRowsPerTable rows of any one table, written on backup and accepted on restore; the
 *     ledger's restore also keeps one tenant's entry keys in one array of its integrity trigger,
 *     which PostgreSQL caps at 1 GiB, so this stays well below ~10 million
 */
public record BackupLimits(long maxBackupBytes, long maxRowsPerTable) {

  public static final long DEFAULT_MAX_BACKUP_BYTES = 32L << 30;
  public static final long DEFAULT_MAX_ROWS_PER_TABLE = 5_000_000L;

  public BackupLimits {
    if (maxBackupBytes < 1 || maxRowsPerTable < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  public static BackupLimits standard() {
    return new BackupLimits(DEFAULT_MAX_BACKUP_BYTES, DEFAULT_MAX_ROWS_PER_TABLE);
  }
}
