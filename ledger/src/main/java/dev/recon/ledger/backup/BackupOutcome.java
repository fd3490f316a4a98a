package dev.recon.ledger.backup;

import java.nio.file.Path;

/** What {@link LedgerBackup#write} did: wrote a complete backup, or refused with a reason. */
public sealed interface BackupOutcome {

  /** Every file and then the manifest are written. */
  record Written(BackupManifest manifest, Path manifestFile) implements BackupOutcome {}

  /** No manifest was written; table files written before the refusal are deleted. */
  record Refused(Reason reason, String detail) implements BackupOutcome {}

  enum Reason {
    /** The backup folder exists and is not empty: a backup never overwrites or mixes. */
    DIRECTORY_NOT_EMPTY,
    /** A schema to back up does not exist. */
    UNKNOWN_SCHEMA,
    /** The role is subject to row-level security and would read a filtered ledger. */
    ROLE_SUBJECT_TO_ROW_SECURITY,
    /** A table has more rows than {@link BackupLimits#maxRowsPerTable}. */
    TOO_MANY_ROWS,
    /** The files grew past {@link BackupLimits#maxBackupBytes}. */
    TOO_LARGE
  }
}
