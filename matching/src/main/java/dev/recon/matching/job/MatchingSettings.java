package dev.recon.matching.job;

import dev.recon.matching.tolerant.ToleranceRuleSet;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How long each level lets records wait for their counterparts, and how event time advances.
 *
 * @param exactWindow L1: a reference is decided this long (event time) after its latest record
 * @param settlementWindow L3: a batch is decided this long after its latest row or payout
 * @param cashWindow L4: each payout and bank line waits this long after its own event time
 * @param eventTimeWatermarks true for streaming (bounded out-of-orderness + idleness); false for
 *     bounded runs, where every timer fires on the final watermark at end of input
 * @param maxOutOfOrderness how far behind the latest event time a record may still arrive in time
 * @param sourceIdleness after this much quiet a source split stops holding back the watermark
 * @param tolerantWindow L2: each L1 leftover waits this long (after L1 let it go) for a tolerant
 *     match; it must cover the largest time lag the rules allow between two references
 * @param toleranceRules L2's rules; {@link ToleranceRuleSet#defaults()} unless configured
 */
public record MatchingSettings(
    Duration exactWindow,
    Duration settlementWindow,
    Duration cashWindow,
    boolean eventTimeWatermarks,
    Duration maxOutOfOrderness,
    Duration sourceIdleness,
    Duration tolerantWindow,
    ToleranceRuleSet toleranceRules)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final Duration DEFAULT_WINDOW = Duration.ofDays(7);

  /** A window beyond a year keeps state for records no one is waiting for any more. */
  public static final Duration MAX_WINDOW = Duration.ofDays(366);

  public MatchingSettings {
    requireWindow(exactWindow, "exactWindow");
    requireWindow(settlementWindow, "settlementWindow");
    requireWindow(cashWindow, "cashWindow");
    requireWindow(tolerantWindow, "tolerantWindow");
    Objects.requireNonNull(toleranceRules, "toleranceRules");
    Objects.requireNonNull(maxOutOfOrderness, "maxOutOfOrderness");
    Objects.requireNonNull(sourceIdleness, "sourceIdleness");
    if (eventTimeWatermarks) {
      if (maxOutOfOrderness.isNegative() || maxOutOfOrderness.compareTo(MAX_WINDOW) > 0) {
        throw new IllegalArgumentException("maxOutOfOrderness outside 0.." + MAX_WINDOW);
      }
      if (sourceIdleness.isNegative() || sourceIdleness.isZero()) {
        throw new IllegalArgumentException("sourceIdleness must be positive: " + sourceIdleness);
      }
    }
  }

  /** The settings without L2 configuration: L2 waits {@link #DEFAULT_WINDOW} with the defaults. */
  public MatchingSettings(
      Duration exactWindow,
      Duration settlementWindow,
      Duration cashWindow,
      boolean eventTimeWatermarks,
      Duration maxOutOfOrderness,
      Duration sourceIdleness) {
    this(
        exactWindow,
        settlementWindow,
        cashWindow,
        eventTimeWatermarks,
        maxOutOfOrderness,
        sourceIdleness,
        DEFAULT_WINDOW,
        ToleranceRuleSet.defaults());
  }

  /** Bounded runs (files, back-fills): no watermarks; all windows close at end of input. */
  public static MatchingSettings bounded() {
    return new MatchingSettings(
        DEFAULT_WINDOW, DEFAULT_WINDOW, DEFAULT_WINDOW, false, Duration.ZERO, Duration.ZERO);
  }

  /** Unbounded runs over Kafka: event-time watermarks. */
  public static MatchingSettings streaming(Duration maxOutOfOrderness, Duration sourceIdleness) {
    return new MatchingSettings(
        DEFAULT_WINDOW, DEFAULT_WINDOW, DEFAULT_WINDOW, true, maxOutOfOrderness, sourceIdleness);
  }

  public MatchingSettings withWindows(Duration exact, Duration settlement, Duration cash) {
    return new MatchingSettings(
        exact,
        settlement,
        cash,
        eventTimeWatermarks,
        maxOutOfOrderness,
        sourceIdleness,
        tolerantWindow,
        toleranceRules);
  }

  /** The same settings with L2's rules replaced ({@link ToleranceRuleSet#none()} turns L2 off). */
  public MatchingSettings withToleranceRules(ToleranceRuleSet rules) {
    return new MatchingSettings(
        exactWindow,
        settlementWindow,
        cashWindow,
        eventTimeWatermarks,
        maxOutOfOrderness,
        sourceIdleness,
        tolerantWindow,
        rules);
  }

  public MatchingSettings withTolerantWindow(Duration window) {
    return new MatchingSettings(
        exactWindow,
        settlementWindow,
        cashWindow,
        eventTimeWatermarks,
        maxOutOfOrderness,
        sourceIdleness,
        window,
        toleranceRules);
  }

  private static void requireWindow(Duration window, String name) {
    Objects.requireNonNull(window, name);
    if (window.isNegative() || window.isZero() || window.compareTo(MAX_WINDOW) > 0) {
      throw new IllegalArgumentException(name + " outside (0, " + MAX_WINDOW + "]: " + window);
    }
  }
}
