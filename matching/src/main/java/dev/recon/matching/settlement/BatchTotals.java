package dev.recon.matching.settlement;

/**
 * Running totals of a batch's rows, kept so each arrival compares the batch with its payout in
 * constant time instead of re-reading every row.
 */
public record BatchTotals(long rowCount, long netSumMinor) {

  public static final BatchTotals EMPTY = new BatchTotals(0, 0);

  public BatchTotals {
    if (rowCount < 0) {
      throw new IllegalArgumentException("row count is never negative: " + rowCount);
    }
  }

  /** Overflow is a fault in the input (no real batch nets to 2^63 minor units), never wrapped. */
  public BatchTotals plus(long netMinor) {
    return new BatchTotals(rowCount + 1, Math.addExact(netSumMinor, netMinor));
  }
}
