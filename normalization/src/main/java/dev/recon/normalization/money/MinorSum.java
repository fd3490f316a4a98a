package dev.recon.normalization.money;

import java.util.OptionalLong;

/**
 * A running sum of minor units that reports overflow instead of wrapping around: control totals add
 * up values from outside, and a wrapped total would look like a plausible wrong number.
 */
public final class MinorSum {
  private long total;
  private boolean overflowed;

  public MinorSum add(long minor) {
    if (!overflowed) {
      try {
        total = Math.addExact(total, minor);
      } catch (ArithmeticException e) {
        overflowed = true;
      }
    }
    return this;
  }

  /** The exact sum, or empty once it no longer fits in a long. */
  public OptionalLong value() {
    return overflowed ? OptionalLong.empty() : OptionalLong.of(total);
  }
}
