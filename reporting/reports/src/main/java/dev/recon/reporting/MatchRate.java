package dev.recon.reporting;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Records matched out of records considered, in integer arithmetic: basis points are rounded down,
 * so a run with a single break never shows 100.00 %.
 */
public record MatchRate(long matched, long considered) {

  static final long BASIS_POINTS_PER_WHOLE = 10_000;

  public MatchRate {
    if (matched < 0 || considered < 0 || matched > considered) {
      throw new IllegalArgumentException(
          "matched must lie in [0, considered]: " + matched + "/" + considered);
    }
  }

  /** Empty when nothing was considered: a rate of nothing is not 0 % nor 100 %. */
  public OptionalLong basisPoints() {
    if (considered == 0) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Math.multiplyExact(matched, BASIS_POINTS_PER_WHOLE) / considered);
  }

  /** The rate in percent with exactly two decimals, e.g. "97.50". */
  public Optional<String> percent() {
    OptionalLong basisPoints = basisPoints();
    if (basisPoints.isEmpty()) {
      return Optional.empty();
    }
    long bp = basisPoints.getAsLong();
    return Optional.of(String.format(Locale.ROOT, "%d.%02d", bp / 100, bp % 100));
  }

  public long unmatched() {
    return considered - matched;
  }
}
