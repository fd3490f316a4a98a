package dev.recon.matching.cash;

import dev.recon.matching.model.Break;
import dev.recon.matching.model.BreakReason;
import dev.recon.matching.model.MatchRule;
import dev.recon.matching.model.MatchedSet;
import dev.recon.matching.model.Payout;
import dev.recon.matching.model.ReconRecord;
import dev.recon.matching.model.StatementLine;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.RecordKind;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * L4: a payout against the bank line that shows the cash arriving, under one tenant + currency +
 * amount key. A line carrying the payout's reference matches with confidence 100; otherwise a line
 * valued within the value-date window matches with confidence 70. Both under the pair's {@link
 * CashTerms}: a configured {@link CashRule} (reference patterns, business-day window), or the
 * built-in containment check and [payout date - 1 day, payout date + 5 days].
 *
 * <p>Unlike L1 and L3, each record here has its own window: the same amount recurs (fixed payouts,
 * subscriptions), so a key may never go quiet, and a record must not wait for it to.
 */
public final class CashMatchRule {

  public static final int VALUE_DATE_DAYS_BEFORE = 1;
  public static final int VALUE_DATE_DAYS_AFTER = 5;

  /** Open payouts plus bank lines under one key before the key is decided early. */
  public static final int MAX_OPEN_RECORDS_PER_KEY = 1_000;

  private CashMatchRule() {}

  public static boolean overflows(int openPayouts, int openLines) {
    return openPayouts + openLines > MAX_OPEN_RECORDS_PER_KEY;
  }

  public static Optional<CashCandidate> evidence(Payout payout, StatementLine line) {
    return evidence(payout, line, CashTerms.DEFAULT);
  }

  /** Reference evidence (in any window), else value-date evidence, under the pair's terms. */
  public static Optional<CashCandidate> evidence(
      Payout payout, StatementLine line, CashTerms terms) {
    long days = Math.absExact(ChronoUnit.DAYS.between(payout.payoutDate(), line.valueDate()));
    CashTerms.Pair pair = terms.of(payout, line);
    if (pair.referenceShows()) {
      return Optional.of(
          new CashCandidate(payout, line, MatchRule.AMOUNT_REFERENCE, days, pair.ruleName()));
    }
    if (pair.onTime()) {
      return Optional.of(
          new CashCandidate(payout, line, MatchRule.AMOUNT_VALUE_DATE, days, pair.ruleName()));
    }
    return Optional.empty();
  }

  /**
   * On arrival only what cannot change with later arrivals of ordinary data is decided: reference
   * matches, and a value-date match when exactly one payout and one line are open. Anything
   * ambiguous waits for expiry, where all candidates are weighed at once.
   */
  public static CashDecision onArrival(List<Payout> payouts, List<StatementLine> lines) {
    return onArrival(payouts, lines, CashTerms.DEFAULT);
  }

  public static CashDecision onArrival(
      List<Payout> payouts, List<StatementLine> lines, CashTerms terms) {
    CashDecision byReference = assign(payouts, lines, true, terms);
    if (byReference.openPayouts().size() == 1 && byReference.openLines().size() == 1) {
      Optional<CashCandidate> only =
          evidence(byReference.openPayouts().get(0), byReference.openLines().get(0), terms);
      if (only.isPresent()) {
        List<MatchedSet> matches = new ArrayList<>(byReference.matches());
        matches.add(toMatch(only.get()));
        return new CashDecision(matches, List.of(), List.of(), List.of());
      }
    }
    return byReference;
  }

  /**
   * At event time {@code now}: every candidate is weighed, then each record whose own window (event
   * time + window) has passed and that is still open breaks, detected when its window ended.
   */
  public static CashDecision onExpiry(
      List<Payout> payouts, List<StatementLine> lines, Instant now, Duration window) {
    return onExpiry(payouts, lines, now, window, CashTerms.DEFAULT);
  }

  public static CashDecision onExpiry(
      List<Payout> payouts,
      List<StatementLine> lines,
      Instant now,
      Duration window,
      CashTerms terms) {
    CashDecision assigned = assign(payouts, lines, false, terms);
    List<Break> breaks = new ArrayList<>();
    List<Payout> openPayouts = new ArrayList<>();
    List<StatementLine> openLines = new ArrayList<>();
    for (Payout payout : assigned.openPayouts()) {
      Instant expiry = payout.eventTime().plus(window);
      if (expiry.isAfter(now)) {
        openPayouts.add(payout);
      } else {
        breaks.add(missingInBank(payout, expiry));
      }
    }
    for (StatementLine line : assigned.openLines()) {
      Instant expiry = line.eventTime().plus(window);
      if (expiry.isAfter(now)) {
        openLines.add(line);
      } else {
        breaks.add(unmatchedLine(line, expiry));
      }
    }
    return new CashDecision(assigned.matches(), breaks, openPayouts, openLines);
  }

  /**
   * The pairs this rule makes among payouts and lines of one amount, whatever their windows: used
   * when a record arrives after its counterpart broke and was kept for it.
   */
  public static CashDecision pairs(List<Payout> payouts, List<StatementLine> lines) {
    return pairs(payouts, lines, CashTerms.DEFAULT);
  }

  public static CashDecision pairs(
      List<Payout> payouts, List<StatementLine> lines, CashTerms terms) {
    return assign(payouts, lines, false, terms);
  }

  /** The key holds too much: weigh all candidates and break everything left, now. */
  public static CashDecision onOverflow(
      List<Payout> payouts, List<StatementLine> lines, Instant detectedAt) {
    return onOverflow(payouts, lines, detectedAt, CashTerms.DEFAULT);
  }

  public static CashDecision onOverflow(
      List<Payout> payouts, List<StatementLine> lines, Instant detectedAt, CashTerms terms) {
    CashDecision assigned = assign(payouts, lines, false, terms);
    List<Break> breaks = new ArrayList<>();
    assigned.openPayouts().forEach(p -> breaks.add(missingInBank(p, detectedAt)));
    assigned.openLines().forEach(l -> breaks.add(unmatchedLine(l, detectedAt)));
    return new CashDecision(assigned.matches(), breaks, List.of(), List.of());
  }

  /** When the earliest open record's window ends; empty when nothing is open. */
  public static Optional<Instant> nextExpiry(CashDecision decision, Duration window) {
    return Stream.concat(decision.openPayouts().stream(), decision.openLines().stream())
        .map(r -> r.eventTime().plus(window))
        .min(Instant::compareTo);
  }

  /** Greedy over candidates in order of preference: each record takes part in one match. */
  private static CashDecision assign(
      List<Payout> payouts, List<StatementLine> lines, boolean referenceOnly, CashTerms terms) {
    List<CashCandidate> candidates = new ArrayList<>();
    for (Payout payout : payouts) {
      for (StatementLine line : lines) {
        evidence(payout, line, terms)
            .filter(c -> !referenceOnly || c.rule() == MatchRule.AMOUNT_REFERENCE)
            .ifPresent(candidates::add);
      }
    }
    candidates.sort(CashCandidate.PREFERENCE);
    Set<String> usedPayouts = new HashSet<>();
    Set<String> usedLines = new HashSet<>();
    List<MatchedSet> matches = new ArrayList<>();
    for (CashCandidate candidate : candidates) {
      if (!usedPayouts.contains(candidate.payout().eventId())
          && !usedLines.contains(candidate.line().lineId())) {
        usedPayouts.add(candidate.payout().eventId());
        usedLines.add(candidate.line().lineId());
        matches.add(toMatch(candidate));
      }
    }
    List<Payout> openPayouts =
        ReconRecord.chronological(
            payouts.stream().filter(p -> !usedPayouts.contains(p.eventId())).toList());
    List<StatementLine> openLines =
        ReconRecord.chronological(
            lines.stream().filter(l -> !usedLines.contains(l.lineId())).toList());
    return new CashDecision(matches, List.of(), openPayouts, openLines);
  }

  private static MatchedSet toMatch(CashCandidate candidate) {
    return new MatchedSet(
        candidate.payout().tenantId(),
        candidate.rule(),
        List.of(candidate.payout(), candidate.line()),
        candidate.cashRule());
  }

  /** The break of a payout no bank line accounts for. */
  public static Break missingInBank(Payout payout, Instant detectedAt) {
    return new Break(
        payout.tenantId(),
        MatchLevel.L4,
        BreakReason.MISSING_IN_BANK,
        RecordKind.PAYOUT,
        payout.eventId(),
        Math.absExact(payout.amountMinor()),
        payout.currency(),
        payout.eventTime(),
        detectedAt,
        "no bank line of "
            + payout.amountMinor()
            + " "
            + payout.currency()
            + (payout.bankReference() == null
                ? ""
                : " carrying reference " + payout.bankReference() + " or")
            + " valued "
            + payout.payoutDate().minusDays(VALUE_DATE_DAYS_BEFORE)
            + ".."
            + payout.payoutDate().plusDays(VALUE_DATE_DAYS_AFTER));
  }

  /** The break of a bank line no payout accounts for. */
  public static Break unmatchedLine(StatementLine line, Instant detectedAt) {
    return new Break(
        line.tenantId(),
        MatchLevel.L4,
        BreakReason.UNMATCHED_BANK_LINE,
        RecordKind.BANK_LINE,
        line.lineId(),
        Math.absExact(line.amountMinor()),
        line.currency(),
        line.eventTime(),
        detectedAt,
        "no payout of " + line.amountMinor() + " " + line.currency() + " accounts for this line");
  }
}
