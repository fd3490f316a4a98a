package dev.recon.ledger.backup;

/** What {@link LedgerRestore#restore} did: restored the backup whole, or refused with a reason. */
public sealed interface RestoreOutcome {

  /**
   * Committed: every row is back, the derived tables agree, and the check figures taken in the
   * restore transaction equal the manifest's.
   */
  record Restored(BackupManifest manifest, long rows) implements RestoreOutcome {}

  /**
   * Nothing of the backup was committed. Migrations may have run before the refusal (they leave an
   * empty schema, which a later restore accepts).
   */
  record Refused(Reason reason, String detail) implements RestoreOutcome {}

  enum Reason {
    /** The manifest is missing, unreadable or not one a backup writes. */
    MANIFEST_INVALID,
    /** The backup holds more than the limits allow. */
    OVER_LIMITS,
    /** A table file is missing or its SHA-256 or size differs from the manifest's. */
    CHECKSUM_MISMATCH,
    /** The role is subject to row-level security and could not write every tenant's rows. */
    ROLE_SUBJECT_TO_ROW_SECURITY,
    /** A table of the backed-up schemas already holds rows. */
    TARGET_NOT_EMPTY,
    /** The backup was taken at a schema version newer than this code's migrations. */
    SCHEMA_NEWER_THAN_CODE,
    /** A table or column of the backup does not exist after the migrations. */
    SCHEMA_MISMATCH,
    /** The database's integrity checks (triggers, constraints) refused the backup's rows. */
    INTEGRITY_CHECK_REFUSED,
    /**
     * The rows restored, the tables the database derives from them, or the check figures differ
     * from the manifest.
     */
    RESTORED_DIFFERS
  }
}
