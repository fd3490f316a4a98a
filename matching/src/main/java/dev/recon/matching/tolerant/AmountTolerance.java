package dev.recon.matching.tolerant;

import java.io.Serializable;
import java.util.Objects;

/**
 * How far a PSP amount may be from the expected amount: within {@code absoluteMinor}, or within
 * {@code relativeBasisPoints} of the stated base, whichever allows more. The relative allowance is
 * rounded down to whole minor units, so rounding never widens a tolerance.
 */
public record AmountTolerance(long absoluteMinor, int relativeBasisPoints, RelativeBase base)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final int BASIS_POINTS_PER_WHOLE = 10_000;

  /** A tolerance above this many minor units is no longer a tolerance but a different payment. */
  public static final long MAX_ABSOLUTE_MINOR = 1_000_000;

  /** 10%: beyond that a relative tolerance matches unrelated amounts. */
  public static final int MAX_BASIS_POINTS = 1_000;

  public static final AmountTolerance EXACT = new AmountTolerance(0, 0, RelativeBase.LARGER);

  public AmountTolerance {
    Objects.requireNonNull(base, "base");
    if (absoluteMinor < 0 || absoluteMinor > MAX_ABSOLUTE_MINOR) {
      throw new IllegalArgumentException("absoluteMinor outside 0.." + MAX_ABSOLUTE_MINOR);
    }
    if (relativeBasisPoints < 0 || relativeBasisPoints > MAX_BASIS_POINTS) {
      throw new IllegalArgumentException("relativeBasisPoints outside 0.." + MAX_BASIS_POINTS);
    }
  }

  /** Whether the PSP amount is close enough; amounts of opposite signs never are. */
  public boolean allows(long expectedMinor, long pspMinor) {
    if (Long.signum(expectedMinor) * Long.signum(pspMinor) < 0) {
      return false;
    }
    long difference = Math.absExact(Math.subtractExact(expectedMinor, pspMinor));
    return difference <= allowanceFor(expectedMinor, pspMinor);
  }

  /** The largest difference allowed between these two amounts, in minor units. */
  public long allowanceFor(long expectedMinor, long pspMinor) {
    long e = Math.absExact(expectedMinor);
    long p = Math.absExact(pspMinor);
    long baseAmount =
        switch (base) {
          case LARGER -> Math.max(e, p);
          case SMALLER -> Math.min(e, p);
          case EXPECTED -> e;
          case PSP -> p;
        };
    long relative = Math.multiplyExact(baseAmount, relativeBasisPoints) / BASIS_POINTS_PER_WHOLE;
    return Math.max(absoluteMinor, relative);
  }
}
