package dev.recon.matching.job;

import dev.recon.matching.calendar.BreakDating;
import dev.recon.matching.model.OpenItemLimit;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * What every keyed matching operator shares: whether it may decide on arrival, how many records a
 * key may hold, how long a key may live, and how its breaks are dated.
 *
 * @param decideOnArrival true to emit a match as soon as it is unambiguous (streaming latency);
 *     false to decide only when windows end, over every record at once, so the outcome does not
 *     depend on arrival order at all (bounded runs, where every window ends at end of input anyway)
 * @param maxOpenPerKey records a key holds before further ones break as STATE_LIMIT
 * @param dating the run's as-of and payout calendars
 */
record KeyPolicy(boolean decideOnArrival, int maxOpenPerKey, BreakDating dating)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * A key that keeps receiving records is decided at the latest this many windows after its
   * earliest record, in event time: the TTL of keys that never go quiet, which raises breaks
   * instead of dropping state silently (Flink's own state TTL runs on processing time and would
   * make a replay differ).
   */
  static final int KEY_LIFETIME_WINDOWS = 4;

  KeyPolicy {
    OpenItemLimit.requireValid(maxOpenPerKey, "maxOpenPerKey");
    Objects.requireNonNull(dating, "dating");
  }

  static KeyPolicy defaults() {
    return new KeyPolicy(true, OpenItemLimit.DEFAULT_MAX_OPEN_PER_KEY, BreakDating.defaults());
  }

  static KeyPolicy of(MatchingSettings settings) {
    return new KeyPolicy(
        settings.decideOnArrival(),
        settings.maxOpenPerKey(),
        new BreakDating(settings.asOf(), settings.payoutCalendars()));
  }

  KeyPolicy withMaxOpenPerKey(int limit) {
    return new KeyPolicy(decideOnArrival, limit, dating);
  }

  KeyPolicy withDecideOnArrival(boolean decide) {
    return new KeyPolicy(decide, maxOpenPerKey, dating);
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
