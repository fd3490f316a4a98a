package dev.recon.matching.model;

import dev.recon.schemas.MatchLevel;
import java.time.Instant;

/**
 * The limit on records one key holds open. A key that reaches it does not grow: each further record
 * breaks at once with {@link BreakReason#STATE_LIMIT}, so a hot key costs an exception, not the
 * job's memory.
 */
public final class OpenItemLimit {

  /** Open records per key when the settings name no other limit. */
  public static final int DEFAULT_MAX_OPEN_PER_KEY = 1_000;

  /** Beyond this a single key's state costs more to scan per arrival than it can be worth. */
  public static final int MAX_CONFIGURABLE = 1_000_000;

  private OpenItemLimit() {}

  public static void requireValid(int limit, String name) {
    if (limit < 1 || limit > MAX_CONFIGURABLE) {
      throw new IllegalArgumentException(name + " outside 1.." + MAX_CONFIGURABLE + ": " + limit);
    }
  }

  /** Whether a key holding {@code held} records can take one more. */
  public static boolean isFull(long held, int limit) {
    return held >= limit;
  }

  /** The break for a record refused because its key already holds {@code limit} records. */
  public static Break refused(ReconRecord record, MatchLevel level, int limit, Instant detectedAt) {
    long amount;
    String currency;
    if (record instanceof Expectation e) {
      amount = e.amountMinor();
      currency = e.currency();
    } else if (record instanceof PspTransaction t) {
      amount = t.grossMinor();
      currency = t.grossCurrency();
    } else if (record instanceof Payout p) {
      amount = p.amountMinor();
      currency = p.currency();
    } else {
      StatementLine l = (StatementLine) record;
      amount = l.amountMinor();
      currency = l.currency();
    }
    return new Break(
        record.tenantId(),
        level,
        BreakReason.STATE_LIMIT,
        record.recordKind(),
        record.recordId(),
        Math.absExact(amount),
        currency,
        record.eventTime(),
        detectedAt.isBefore(record.eventTime()) ? record.eventTime() : detectedAt,
        "its "
            + level
            + " key already holds "
            + limit
            + " open records (the limit); this one was not held and needs a manual decision");
  }
}
