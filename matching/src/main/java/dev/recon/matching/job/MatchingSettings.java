package dev.recon.matching.job;

import dev.recon.matching.calendar.PayoutCalendars;
import dev.recon.matching.cash.CashRuleSet;
import dev.recon.matching.cash.CashTerms;
import dev.recon.matching.model.OpenItemLimit;
import dev.recon.matching.tolerant.ToleranceRuleSet;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

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
 * @param decideOnArrival true: a match is emitted as soon as it is unambiguous (streaming); false:
 *     every key is decided when its window ends, over all its records at once, so the outcome is
 *     the same for any arrival order (bounded runs, where windows end at end of input anyway)
 * @param linkWindow refunds, chargebacks and reversals wait this long after the latest record of
 *     their original reference for the capture they follow (and a capture for them)
 * @param redeliveryHorizon a record delivered again within this long (event time) after its first
 *     delivery is the same record and is dropped
 * @param maxOpenPerKey records one key of any level holds; further ones break as STATE_LIMIT (L3
 *     batches hold up to {@link dev.recon.matching.settlement.SettlementRule#MAX_ROWS_PER_BATCH}
 *     rows)
 * @param asOf the run's as-of (null for none): no break is detected after it, and breaks waiting
 *     for the PSP are assessed NOT_YET_DUE or LATE against it
 * @param payoutCalendars each PSP's T+N schedule and each currency's holidays
 * @param reportUnsettledCaptures true to break every capture that no delivery shows in a settlement
 *     batch by the end of its link window (MISSING_PAYOUT on the capture, NOT_YET_DUE or LATE by
 *     the payout calendar); off by default, as PSPs that settle from a balance (PayPal) never put
 *     captures in batches
 * @param maxBankFeeMinor L4: the largest bank fee a payout may lose on its way to the bank, where
 *     no cash rule applies
 * @param cashRules L4's rules per tenant, PSP and bank account (fee per currency, business-day
 *     value-date window, reference patterns); where none applies, the built-in terms and {@link
 *     #maxBankFeeMinor()}
 * @param lateRetention streaming only: after a record breaks, how long (event time) it is kept so
 *     that a counterpart arriving later still matches it and the break is resolved (zero: not kept)
 */
public record MatchingSettings(
    Duration exactWindow,
    Duration settlementWindow,
    Duration cashWindow,
    boolean eventTimeWatermarks,
    Duration maxOutOfOrderness,
    Duration sourceIdleness,
    Duration tolerantWindow,
    ToleranceRuleSet toleranceRules,
    boolean decideOnArrival,
    Duration linkWindow,
    Duration redeliveryHorizon,
    int maxOpenPerKey,
    Instant asOf,
    PayoutCalendars payoutCalendars,
    boolean reportUnsettledCaptures,
    long maxBankFeeMinor,
    Duration lateRetention,
    CashRuleSet cashRules)
    implements Serializable {

  private static final long serialVersionUID = 4L;

  /**
   * How long (event time) a record that broke is kept for a late counterpart when the settings name
   * no other: a month and a half covers a PSP's or bank's monthly files arriving a few weeks late.
   */
  public static final Duration DEFAULT_LATE_RETENTION = Duration.ofDays(45);

  public static final Duration DEFAULT_WINDOW = Duration.ofDays(7);

  /** A bank fee beyond this (minor units) is no fee but a different amount. */
  public static final long MAX_BANK_FEE_MINOR = 1_000_000L;

  /** A window beyond a year keeps state for records no one is waiting for any more. */
  public static final Duration MAX_WINDOW = Duration.ofDays(366);

  public MatchingSettings {
    requireWindow(exactWindow, "exactWindow");
    requireWindow(settlementWindow, "settlementWindow");
    requireWindow(cashWindow, "cashWindow");
    requireWindow(tolerantWindow, "tolerantWindow");
    requireWindow(linkWindow, "linkWindow");
    requireWindow(redeliveryHorizon, "redeliveryHorizon");
    Objects.requireNonNull(toleranceRules, "toleranceRules");
    Objects.requireNonNull(maxOutOfOrderness, "maxOutOfOrderness");
    Objects.requireNonNull(sourceIdleness, "sourceIdleness");
    Objects.requireNonNull(payoutCalendars, "payoutCalendars");
    OpenItemLimit.requireValid(maxOpenPerKey, "maxOpenPerKey");
    if (maxBankFeeMinor < 0 || maxBankFeeMinor > MAX_BANK_FEE_MINOR) {
      throw new IllegalArgumentException(
          "maxBankFeeMinor outside 0.." + MAX_BANK_FEE_MINOR + ": " + maxBankFeeMinor);
    }
    Objects.requireNonNull(lateRetention, "lateRetention");
    Objects.requireNonNull(cashRules, "cashRules");
    if (lateRetention.isNegative() || lateRetention.compareTo(MAX_WINDOW) > 0) {
      throw new IllegalArgumentException(
          "lateRetention outside [0, " + MAX_WINDOW + "]: " + lateRetention);
    }
    if (eventTimeWatermarks) {
      if (maxOutOfOrderness.isNegative() || maxOutOfOrderness.compareTo(MAX_WINDOW) > 0) {
        throw new IllegalArgumentException("maxOutOfOrderness outside 0.." + MAX_WINDOW);
      }
      if (sourceIdleness.isNegative() || sourceIdleness.isZero()) {
        throw new IllegalArgumentException("sourceIdleness must be positive: " + sourceIdleness);
      }
    }
  }

  /** The settings without configured cash rules: L4 keeps its built-in terms. */
  public MatchingSettings(
      Duration exactWindow,
      Duration settlementWindow,
      Duration cashWindow,
      boolean eventTimeWatermarks,
      Duration maxOutOfOrderness,
      Duration sourceIdleness,
      Duration tolerantWindow,
      ToleranceRuleSet toleranceRules,
      boolean decideOnArrival,
      Duration linkWindow,
      Duration redeliveryHorizon,
      int maxOpenPerKey,
      Instant asOf,
      PayoutCalendars payoutCalendars,
      boolean reportUnsettledCaptures,
      long maxBankFeeMinor,
      Duration lateRetention) {
    this(
        exactWindow,
        settlementWindow,
        cashWindow,
        eventTimeWatermarks,
        maxOutOfOrderness,
        sourceIdleness,
        tolerantWindow,
        toleranceRules,
        decideOnArrival,
        linkWindow,
        redeliveryHorizon,
        maxOpenPerKey,
        asOf,
        payoutCalendars,
        reportUnsettledCaptures,
        maxBankFeeMinor,
        lateRetention,
        CashRuleSet.none());
  }

  /** The settings with {@link #DEFAULT_LATE_RETENTION}. */
  public MatchingSettings(
      Duration exactWindow,
      Duration settlementWindow,
      Duration cashWindow,
      boolean eventTimeWatermarks,
      Duration maxOutOfOrderness,
      Duration sourceIdleness,
      Duration tolerantWindow,
      ToleranceRuleSet toleranceRules,
      boolean decideOnArrival,
      Duration linkWindow,
      Duration redeliveryHorizon,
      int maxOpenPerKey,
      Instant asOf,
      PayoutCalendars payoutCalendars,
      boolean reportUnsettledCaptures,
      long maxBankFeeMinor) {
    this(
        exactWindow,
        settlementWindow,
        cashWindow,
        eventTimeWatermarks,
        maxOutOfOrderness,
        sourceIdleness,
        tolerantWindow,
        toleranceRules,
        decideOnArrival,
        linkWindow,
        redeliveryHorizon,
        maxOpenPerKey,
        asOf,
        payoutCalendars,
        reportUnsettledCaptures,
        maxBankFeeMinor,
        DEFAULT_LATE_RETENTION,
        CashRuleSet.none());
  }

  /**
   * The settings without the options added after L2: decisions on arrival, seven-day link and
   * redelivery windows, {@link OpenItemLimit#DEFAULT_MAX_OPEN_PER_KEY}, no as-of, default
   * calendars.
   */
  public MatchingSettings(
      Duration exactWindow,
      Duration settlementWindow,
      Duration cashWindow,
      boolean eventTimeWatermarks,
      Duration maxOutOfOrderness,
      Duration sourceIdleness,
      Duration tolerantWindow,
      ToleranceRuleSet toleranceRules) {
    this(
        exactWindow,
        settlementWindow,
        cashWindow,
        eventTimeWatermarks,
        maxOutOfOrderness,
        sourceIdleness,
        tolerantWindow,
        toleranceRules,
        true,
        DEFAULT_WINDOW,
        DEFAULT_WINDOW,
        OpenItemLimit.DEFAULT_MAX_OPEN_PER_KEY,
        null,
        PayoutCalendars.defaults(),
        false,
        0L,
        DEFAULT_LATE_RETENTION,
        CashRuleSet.none());
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

  /**
   * Bounded runs (files, back-fills): no watermarks; all windows close at end of input, and every
   * key is decided then, so any arrival order gives the same output.
   */
  public static MatchingSettings bounded() {
    return new MatchingSettings(
            DEFAULT_WINDOW, DEFAULT_WINDOW, DEFAULT_WINDOW, false, Duration.ZERO, Duration.ZERO)
        .withDecideOnArrival(false);
  }

  /** Unbounded runs over Kafka: event-time watermarks, matches emitted as soon as unambiguous. */
  public static MatchingSettings streaming(Duration maxOutOfOrderness, Duration sourceIdleness) {
    return new MatchingSettings(
        DEFAULT_WINDOW, DEFAULT_WINDOW, DEFAULT_WINDOW, true, maxOutOfOrderness, sourceIdleness);
  }

  public MatchingSettings withWindows(Duration exact, Duration settlement, Duration cash) {
    return edit(
        d -> {
          d.exactWindow = exact;
          d.settlementWindow = settlement;
          d.cashWindow = cash;
        });
  }

  /** The same settings with L2's rules replaced ({@link ToleranceRuleSet#none()} turns L2 off). */
  public MatchingSettings withToleranceRules(ToleranceRuleSet rules) {
    return edit(d -> d.toleranceRules = rules);
  }

  public MatchingSettings withTolerantWindow(Duration window) {
    return edit(d -> d.tolerantWindow = window);
  }

  public MatchingSettings withDecideOnArrival(boolean decide) {
    return edit(d -> d.decideOnArrival = decide);
  }

  public MatchingSettings withLinkWindow(Duration window) {
    return edit(d -> d.linkWindow = window);
  }

  public MatchingSettings withRedeliveryHorizon(Duration horizon) {
    return edit(d -> d.redeliveryHorizon = horizon);
  }

  public MatchingSettings withMaxOpenPerKey(int limit) {
    return edit(d -> d.maxOpenPerKey = limit);
  }

  /** The run's as-of; null for none. */
  public MatchingSettings withAsOf(Instant runAsOf) {
    return edit(d -> d.asOf = runAsOf);
  }

  public MatchingSettings withPayoutCalendars(PayoutCalendars calendars) {
    return edit(d -> d.payoutCalendars = calendars);
  }

  public MatchingSettings withReportUnsettledCaptures(boolean report) {
    return edit(d -> d.reportUnsettledCaptures = report);
  }

  public MatchingSettings withMaxBankFeeMinor(long maxFee) {
    return edit(d -> d.maxBankFeeMinor = maxFee);
  }

  /**
   * How long a broken record waits for a late counterpart (zero: not at all). Only streaming runs
   * keep records: a bounded run decides everything at end of input.
   */
  public MatchingSettings withLateRetention(Duration retention) {
    return edit(d -> d.lateRetention = retention);
  }

  /**
   * The same settings with L4's cash rules replaced ({@link CashRuleSet#none()}: built-in terms,
   * {@link #maxBankFeeMinor()} as the fee tolerance).
   */
  public MatchingSettings withCashRules(CashRuleSet rules) {
    return edit(d -> d.cashRules = rules);
  }

  /** What L4 holds payouts and lines to: the cash rules, with the calendars and fallback fee. */
  public CashTerms cashTerms() {
    return new CashTerms(cashRules, payoutCalendars, maxBankFeeMinor);
  }

  /** A mutable copy, so that each wither names only what it changes. */
  private static final class Draft {
    private Duration exactWindow;
    private Duration settlementWindow;
    private Duration cashWindow;
    private boolean eventTimeWatermarks;
    private Duration maxOutOfOrderness;
    private Duration sourceIdleness;
    private Duration tolerantWindow;
    private ToleranceRuleSet toleranceRules;
    private boolean decideOnArrival;
    private Duration linkWindow;
    private Duration redeliveryHorizon;
    private int maxOpenPerKey;
    private Instant asOf;
    private PayoutCalendars payoutCalendars;
    private boolean reportUnsettledCaptures;
    private long maxBankFeeMinor;
    private Duration lateRetention;
    private CashRuleSet cashRules;

    Draft(MatchingSettings s) {
      exactWindow = s.exactWindow;
      settlementWindow = s.settlementWindow;
      cashWindow = s.cashWindow;
      eventTimeWatermarks = s.eventTimeWatermarks;
      maxOutOfOrderness = s.maxOutOfOrderness;
      sourceIdleness = s.sourceIdleness;
      tolerantWindow = s.tolerantWindow;
      toleranceRules = s.toleranceRules;
      decideOnArrival = s.decideOnArrival;
      linkWindow = s.linkWindow;
      redeliveryHorizon = s.redeliveryHorizon;
      maxOpenPerKey = s.maxOpenPerKey;
      asOf = s.asOf;
      payoutCalendars = s.payoutCalendars;
      reportUnsettledCaptures = s.reportUnsettledCaptures;
      maxBankFeeMinor = s.maxBankFeeMinor;
      lateRetention = s.lateRetention;
      cashRules = s.cashRules;
    }

    MatchingSettings build() {
      return new MatchingSettings(
          exactWindow,
          settlementWindow,
          cashWindow,
          eventTimeWatermarks,
          maxOutOfOrderness,
          sourceIdleness,
          tolerantWindow,
          toleranceRules,
          decideOnArrival,
          linkWindow,
          redeliveryHorizon,
          maxOpenPerKey,
          asOf,
          payoutCalendars,
          reportUnsettledCaptures,
          maxBankFeeMinor,
          lateRetention,
          cashRules);
    }
  }

  private MatchingSettings edit(Consumer<Draft> change) {
    Draft draft = new Draft(this);
    change.accept(draft);
    return draft.build();
  }

  private static void requireWindow(Duration window, String name) {
    Objects.requireNonNull(window, name);
    if (window.isNegative() || window.isZero() || window.compareTo(MAX_WINDOW) > 0) {
      throw new IllegalArgumentException(name + " outside (0, " + MAX_WINDOW + "]: " + window);
    }
  }
}
