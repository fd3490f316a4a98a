package dev.recon.app.bench;

/**
 * The size of a match benchmark workload: how many records in all, how many tenants share them, and
 * the seed every amount and choice is drawn from (the same shape always gives the same records).
 */
public record WorkloadShape(int records, long seed, int tenants) {

  /** Below this the workload is mostly filler and says nothing about matching. */
  public static final int MIN_RECORDS = 1_000;

  /**
   * Keeps a mistyped count from filling memory: every record waits in keyed state until the end.
   */
  public static final int MAX_RECORDS = 20_000_000;

  public static final int MAX_TENANTS = 100;

  public static final int DEFAULT_RECORDS = 1_000_000;
  public static final long DEFAULT_SEED = 42L;
  public static final int DEFAULT_TENANTS = 4;

  public WorkloadShape {
    if (records < MIN_RECORDS || records > MAX_RECORDS) {
      throw new IllegalArgumentException(
          "records outside " + MIN_RECORDS + ".." + MAX_RECORDS + ": " + records);
    }
    if (tenants < 1 || tenants > MAX_TENANTS) {
      throw new IllegalArgumentException("tenants outside 1.." + MAX_TENANTS + ": " + tenants);
    }
  }
}
