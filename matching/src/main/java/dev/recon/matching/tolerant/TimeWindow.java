package dev.recon.matching.tolerant;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** How far apart the expected time and the PSP capture time may be, and in which direction. */
public record TimeWindow(int maxLagDays, LagDirection direction) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** L2 holds leftovers for a bounded window; a rule cannot look further than a year. */
  public static final int MAX_LAG_DAYS = 366;

  public static final TimeWindow DEFAULT = new TimeWindow(7, LagDirection.EITHER);

  public TimeWindow {
    Objects.requireNonNull(direction, "direction");
    if (maxLagDays < 0 || maxLagDays > MAX_LAG_DAYS) {
      throw new IllegalArgumentException("maxLagDays outside 0.." + MAX_LAG_DAYS);
    }
  }

  public boolean allows(Instant expectedAt, Instant pspAt) {
    Duration lag = Duration.between(expectedAt, pspAt);
    Duration max = Duration.ofDays(maxLagDays);
    return switch (direction) {
      case PSP_AFTER_EXPECTED -> !lag.isNegative() && lag.compareTo(max) <= 0;
      case PSP_BEFORE_EXPECTED ->
          (lag.isNegative() || lag.isZero()) && lag.abs().compareTo(max) <= 0;
      case EITHER -> lag.abs().compareTo(max) <= 0;
    };
  }
}
