package dev.recon.reporting;

/** Age bands of open exceptions, as finance teams review them at month end. */
public enum AgeingBucket {
  DAYS_0_1("0-1", 1),
  DAYS_2_7("2-7", 7),
  DAYS_8_30("8-30", 30),
  OVER_30(">30", Long.MAX_VALUE);

  private final String label;
  private final long maxAgeDays;

  AgeingBucket(String label, long maxAgeDays) {
    this.label = label;
    this.maxAgeDays = maxAgeDays;
  }

  /** The band as printed in the report and in summary.json, e.g. "2-7". */
  public String label() {
    return label;
  }

  public static AgeingBucket of(long ageDays) {
    if (ageDays < 0) {
      throw new IllegalArgumentException("age is never negative: " + ageDays);
    }
    for (AgeingBucket bucket : values()) {
      if (ageDays <= bucket.maxAgeDays) {
        return bucket;
      }
    }
    throw new AssertionError("OVER_30 takes every age");
  }
}
