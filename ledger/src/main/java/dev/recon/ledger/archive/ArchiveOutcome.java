package dev.recon.ledger.archive;

import java.nio.file.Path;

/** What {@link LedgerArchive#archiveMonth} did: archived the month, or refused with a reason. */
public sealed interface ArchiveOutcome {

  /** The month is exported, verified and detached (and dropped unless kept). */
  record Archived(ArchiveManifest manifest, Path manifestFile, String manifestSha256)
      implements ArchiveOutcome {}

  /** Nothing was detached or dropped; files already written stay for inspection. */
  record Refused(Reason reason, String detail) implements ArchiveOutcome {}

  enum Reason {
    /** The month has not ended long enough ago for the policy. */
    TOO_RECENT,
    ALREADY_ARCHIVED,
    /** The month has no partitions (never booked into, or already gone). */
    NO_PARTITIONS,
    /** Archive files of the month are already in the target folder. */
    FILES_EXIST,
    /** The daily balances of the month are not the sums of its postings. */
    DAILY_BALANCES_DISAGREE,
    /** The files read back differ from what the database holds. */
    VERIFICATION_FAILED,
    /** Rows arrived in the month while it was exported. */
    CHANGED_DURING_ARCHIVE
  }
}
