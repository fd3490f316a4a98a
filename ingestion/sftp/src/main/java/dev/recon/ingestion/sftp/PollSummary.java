package dev.recon.ingestion.sftp;

/**
 * What one poll did, file by file; every file it touched is also in the audit log.
 *
 * @param taken files published to Kafka (and archived)
 * @param duplicates files whose content had been published before: archived, not re-published
 * @param quarantined files moved to the quarantine folder (too big, unreadable, unsafe name, link)
 * @param waitingForStability matching files not yet unchanged across two polls (or past the
 *     tracking limit)
 * @param deferred stable files left for the next poll by the files-per-poll limit
 * @param failed files whose handling failed for an infrastructure reason; retried next poll
 */
public record PollSummary(
    int taken, int duplicates, int quarantined, int waitingForStability, int deferred, int failed) {

  public static final PollSummary NOTHING = new PollSummary(0, 0, 0, 0, 0, 0);
}
