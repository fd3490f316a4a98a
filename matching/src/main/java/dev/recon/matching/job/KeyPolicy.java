package dev.recon.matching.job;

import dev.recon.matching.calendar.BreakDating;
import dev.recon.matching.model.OpenItemLimit;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * What every keyed matching operator shares: whether it may decide on arrival, how many records a
 * key may hold, how long a key may live, and how its breaks are dated.
 *
 * @param decideOnArrival true to emit a match as soon as it is unambiguous (streaming latency);
 *     false to decide only when windows end, over every record at once, so the outcome does not
 *     depend on arrival order at all (bounded runs, where every window ends at end of input anyway)
 * @param maxOpenPerKey records a key holds before further ones break as STATE_LIMIT
 * @param dating the run's as-of and payout calendars
 * @param lateRetention how long (event time) a record that broke is kept for a late counterpart;
 *     zero keeps nothing (bounded runs, and the operators' defaults)
 */
record KeyPolicy(
    boolean decideOnArrival, int maxOpenPerKey, BreakDating dating, Duration lateRetention)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * A key that keeps receiving records is decided at the latest this many windows after its
   * earliest record, in event time: the TTL of keys that never go quiet, which raises breaks
   * instead of dropping state silently (Flink's own state TTL runs on processing time and would
   * make a replay differ).
   */
  static final int KEY_LIFETIME_WINDOWS = 4;

  /** The safety-net TTL of kept records, in multiples of the late retention. */
  static final int KEPT_STATE_TTL_FACTOR = 2;

  KeyPolicy {
    OpenItemLimit.requireValid(maxOpenPerKey, "maxOpenPerKey");
    Objects.requireNonNull(dating, "dating");
    Objects.requireNonNull(lateRetention, "lateRetention");
    if (lateRetention.isNegative()) {
      throw new IllegalArgumentException("lateRetention is negative: " + lateRetention);
    }
  }

  /** A policy that keeps no broken record. */
  KeyPolicy(boolean decideOnArrival, int maxOpenPerKey, BreakDating dating) {
    this(decideOnArrival, maxOpenPerKey, dating, Duration.ZERO);
  }

  static KeyPolicy defaults() {
    return new KeyPolicy(true, OpenItemLimit.DEFAULT_MAX_OPEN_PER_KEY, BreakDating.defaults());
  }

  static KeyPolicy of(MatchingSettings settings) {
    return new KeyPolicy(
        settings.decideOnArrival(),
        settings.maxOpenPerKey(),
        new BreakDating(settings.asOf(), settings.payoutCalendars()),
        // Nothing arrives after the end of a bounded run's input: keeping records would only
        // hold state until the final watermark.
        settings.eventTimeWatermarks() ? settings.lateRetention() : Duration.ZERO);
  }

  KeyPolicy withMaxOpenPerKey(int limit) {
    return new KeyPolicy(decideOnArrival, limit, dating, lateRetention);
  }

  KeyPolicy withDecideOnArrival(boolean decide) {
    return new KeyPolicy(decide, maxOpenPerKey, dating, lateRetention);
  }

  KeyPolicy withLateRetention(Duration retention) {
    return new KeyPolicy(decideOnArrival, maxOpenPerKey, dating, retention);
  }

  /** Whether records that broke are kept for late counterparts. */
  boolean keepsBroken() {
    return !lateRetention.isZero();
  }

  /**
   * The state of records kept after they broke. Timers in event time remove them after {@link
   * #lateRetention}; Flink's TTL (processing time, so it never decides anything a replay would not)
   * is only the safety net for a key whose timer was lost, set well beyond that.
   */
  <T> ListStateDescriptor<T> keptState(String name, TypeInformation<T> type) {
    ListStateDescriptor<T> descriptor = new ListStateDescriptor<>(name, type);
    if (keepsBroken()) {
      descriptor.enableTimeToLive(
          StateTtlConfig.newBuilder(
                  lateRetention.multipliedBy(KEPT_STATE_TTL_FACTOR).plus(Duration.ofDays(1)))
              .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
              .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
              .build());
    }
    return descriptor;
  }

  /** Until when (epoch millis, event time) a record that broke at {@code brokeAt} is kept. */
  long keptUntil(long brokeAt) {
    return Math.addExact(brokeAt, lateRetention.toMillis());
  }

  /**
   * The deadline of a key whose records span {@code earliest..latest} (epoch millis): the latest
   * record's window end, but no later than {@link #KEY_LIFETIME_WINDOWS} windows after the
   * earliest.
   */
  static long deadline(long earliest, long latest, Duration window) {
    long windowMillis = window.toMillis();
    return Math.min(
        Math.addExact(latest, windowMillis),
        Math.addExact(earliest, Math.multiplyExact(windowMillis, KEY_LIFETIME_WINDOWS)));
  }
}
