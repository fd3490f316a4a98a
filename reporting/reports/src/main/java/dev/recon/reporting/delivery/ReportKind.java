package dev.recon.reporting.delivery;

/** The reports a schedule can produce, with the period each covers. */
public enum ReportKind {
  /** The daily reconciliation report; covers the last complete day in the schedule's zone. */
  DAILY("daily"),
  /** The month-end pack; covers the last complete month. */
  MONTH_END("month-end");

  private final String folderName;

  ReportKind(String folderName) {
    this.folderName = folderName;
  }

  /** The name in storage paths: "daily", "month-end". */
  public String folderName() {
    return folderName;
  }
}
