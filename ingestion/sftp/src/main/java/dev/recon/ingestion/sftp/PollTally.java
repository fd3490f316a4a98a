package dev.recon.ingestion.sftp;

/** Counts of one poll, filled as files are handled. */
final class PollTally {
  int taken;
  int duplicates;
  int quarantined;
  int waiting;
  int deferred;
  int failed;

  PollSummary summary() {
    return new PollSummary(taken, duplicates, quarantined, waiting, deferred, failed);
  }
}
