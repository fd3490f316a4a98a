package dev.recon.reporting.casework.queue;

import dev.recon.reporting.AgeingBucket;

/**
 * What the queue shows; every criterion left null does not filter.
 *
 * @param state OPEN or RESOLVED, null for both
 * @param assignee only breaks assigned to this user; {@link #UNASSIGNED} for breaks nobody holds
 * @param minAmountMinor smallest amount at risk (absolute, minor units), inclusive
 * @param maxAmountMinor largest amount at risk, inclusive
 * @param text an exception id, record id or reference, matched exactly (see QueueQuery)
 */
public record QueueFilter(
    ExceptionState state,
    String reason,
    String psp,
    String currency,
    String assignee,
    AgeingBucket ageingBucket,
    Long minAmountMinor,
    Long maxAmountMinor,
    String text) {

  /** The assignee filter value meaning "assigned to nobody". */
  public static final String UNASSIGNED = "";

  /** Longest free-text search accepted. */
  public static final int MAX_TEXT_CHARS = 200;

  public QueueFilter {
    if (text != null && text.length() > MAX_TEXT_CHARS) {
      throw new IllegalArgumentException("search text longer than " + MAX_TEXT_CHARS);
    }
    if (minAmountMinor != null && maxAmountMinor != null && minAmountMinor > maxAmountMinor) {
      throw new IllegalArgumentException("minimum amount above maximum amount");
    }
    if (text != null && text.isBlank()) {
      text = null;
    }
  }

  /** All open breaks. */
  public static QueueFilter open() {
    return new QueueFilter(ExceptionState.OPEN, null, null, null, null, null, null, null, null);
  }

  public QueueFilter withState(ExceptionState value) {
    return new QueueFilter(
        value, reason, psp, currency, assignee, ageingBucket, minAmountMinor, maxAmountMinor, text);
  }

  public QueueFilter withReason(String value) {
    return new QueueFilter(
        state, value, psp, currency, assignee, ageingBucket, minAmountMinor, maxAmountMinor, text);
  }

  public QueueFilter withPsp(String value) {
    return new QueueFilter(
        state,
        reason,
        value,
        currency,
        assignee,
        ageingBucket,
        minAmountMinor,
        maxAmountMinor,
        text);
  }

  public QueueFilter withCurrency(String value) {
    return new QueueFilter(
        state, reason, psp, value, assignee, ageingBucket, minAmountMinor, maxAmountMinor, text);
  }

  public QueueFilter withAssignee(String value) {
    return new QueueFilter(
        state, reason, psp, currency, value, ageingBucket, minAmountMinor, maxAmountMinor, text);
  }

  public QueueFilter withAgeingBucket(AgeingBucket value) {
    return new QueueFilter(
        state, reason, psp, currency, assignee, value, minAmountMinor, maxAmountMinor, text);
  }

  public QueueFilter withAmountRange(Long min, Long max) {
    return new QueueFilter(state, reason, psp, currency, assignee, ageingBucket, min, max, text);
  }

  public QueueFilter withText(String value) {
    return new QueueFilter(
        state,
        reason,
        psp,
        currency,
        assignee,
        ageingBucket,
        minAmountMinor,
        maxAmountMinor,
        value);
  }
}
