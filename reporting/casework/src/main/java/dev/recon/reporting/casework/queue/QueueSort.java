package dev.recon.reporting.casework.queue;

/**
 * The orders of the exception queue. Each pages by (its column, exception_id) over one index, in
 * the direction finance teams work it.
 */
public enum QueueSort {
  /** Oldest record first. */
  AGE("record_time", false),
  /** Largest amount at risk first. */
  AMOUNT("amount_at_risk_minor", true),
  /** By reason code, then exception id. */
  REASON("reason", false),
  /** Most recently detected first. */
  DETECTED("detected_at", true);

  private final String column;
  private final boolean descending;

  QueueSort(String column, boolean descending) {
    this.column = column;
    this.descending = descending;
  }

  String column() {
    return column;
  }

  boolean descending() {
    return descending;
  }
}
