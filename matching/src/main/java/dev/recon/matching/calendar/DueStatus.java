package dev.recon.matching.calendar;

/** Whether a record still waiting for its counterpart is already overdue at the run's as-of. */
public enum DueStatus {
  /** The PSP's payout calendar does not owe the counterpart yet: nothing is wrong so far. */
  NOT_YET_DUE,
  /** The counterpart was due on an earlier business day and has not come. */
  LATE
}
