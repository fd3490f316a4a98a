package dev.recon.matching.cash;

import dev.recon.matching.model.MatchRule;
import dev.recon.matching.model.MatchedSet;
import dev.recon.matching.model.Payout;
import dev.recon.matching.model.ReconRecord;
import dev.recon.matching.model.StatementLine;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * L4 for what the exact-amount rule left, per tenant and currency: a bank line a little short of
 * its payout because the bank took a fee (at most what the pair's {@link CashTerms} allow), and one
 * bank line for several payouts the bank aggregated (N:1, every payout's reference on the line and
 * the sum within the fee tolerance). Pure and order-independent: candidates are weighed in one
 * fixed preference order, each record takes part in one match.
 *
 * <p>It runs over L4's leftovers before they break, as L2 runs over L1's. The fee the bank kept
 * stays in bank_in_transit until the posting rules book it.
 */
public final class CashLeftoverRule {

  /** Payouts one aggregated line may stand for; more is a statement the rules should not guess. */
  public static final int MAX_AGGREGATED_PAYOUTS = 50;

  private CashLeftoverRule() {}

  /** Matches among the leftovers under the built-in terms with one fee tolerance. */
  public static CashDecision decide(
      List<Payout> payouts, List<StatementLine> lines, long maxBankFeeMinor) {
    if (maxBankFeeMinor < 0) {
      throw new IllegalArgumentException("maxBankFeeMinor is negative: " + maxBankFeeMinor);
    }
    return decide(payouts, lines, CashTerms.fallback(maxBankFeeMinor));
  }

  /**
   * Matches among the leftovers, each payout and line under their {@link CashTerms} (fee tolerance
   * per currency, value-date window, reference patterns); what no match took stays open.
   */
  public static CashDecision decide(
      List<Payout> payouts, List<StatementLine> lines, CashTerms terms) {
    List<Candidate> candidates = new ArrayList<>();
    for (Payout payout : payouts) {
      for (StatementLine line : lines) {
        long fee = payout.amountMinor() - line.amountMinor();
        if (sameCurrency(payout, line) && payout.amountMinor() > 0 && fee >= 0) {
          CashTerms.Pair pair = terms.of(payout, line);
          if (fee <= pair.maxBankFeeMinor() && pair.onTime()) {
            candidates.add(
                new Candidate(
                    payout,
                    line,
                    pair.referenceShows(),
                    fee,
                    dayDistance(payout, line),
                    pair.ruleName()));
          }
        }
      }
    }
    candidates.sort(Candidate.PREFERENCE);
    Set<String> usedPayouts = new HashSet<>();
    Set<String> usedLines = new HashSet<>();
    List<MatchedSet> matches = new ArrayList<>();
    for (Candidate c : candidates) {
      if (!usedPayouts.contains(c.payout.eventId()) && !usedLines.contains(c.line.lineId())) {
        usedPayouts.add(c.payout.eventId());
        usedLines.add(c.line.lineId());
        MatchRule rule = c.reference ? MatchRule.BANK_FEE_REFERENCE : MatchRule.BANK_FEE_VALUE_DATE;
        matches.add(
            new MatchedSet(c.payout.tenantId(), rule, List.of(c.payout, c.line), c.ruleName));
      }
    }
    for (StatementLine line : ReconRecord.chronological(lines)) {
      if (usedLines.contains(line.lineId())) {
        continue;
      }
      List<Payout> named = new ArrayList<>();
      long sum = 0;
      // The bank takes one fee off the line: the strictest tolerance among the named payouts.
      long maxFee = Long.MAX_VALUE;
      String ruleName = null;
      for (Payout payout : ReconRecord.chronological(payouts)) {
        if (!usedPayouts.contains(payout.eventId())
            && sameCurrency(payout, line)
            && payout.amountMinor() > 0) {
          CashTerms.Pair pair = terms.of(payout, line);
          if (pair.onTime() && pair.referenceShows()) {
            if (named.isEmpty()) {
              ruleName = pair.ruleName();
            }
            named.add(payout);
            sum = Math.addExact(sum, payout.amountMinor());
            maxFee = Math.min(maxFee, pair.maxBankFeeMinor());
          }
        }
      }
      long fee = sum - line.amountMinor();
      if (named.size() >= 2
          && named.size() <= MAX_AGGREGATED_PAYOUTS
          && fee >= 0
          && fee <= maxFee) {
        List<ReconRecord> members = new ArrayList<>(named);
        members.add(line);
        matches.add(
            new MatchedSet(line.tenantId(), MatchRule.AGGREGATED_PAYOUTS, members, ruleName));
        named.forEach(p -> usedPayouts.add(p.eventId()));
        usedLines.add(line.lineId());
      }
    }
    return new CashDecision(
        matches,
        List.of(),
        ReconRecord.chronological(
            payouts.stream().filter(p -> !usedPayouts.contains(p.eventId())).toList()),
        ReconRecord.chronological(
            lines.stream().filter(l -> !usedLines.contains(l.lineId())).toList()));
  }

  private static boolean sameCurrency(Payout payout, StatementLine line) {
    return payout.currency().equals(line.currency());
  }

  private static long dayDistance(Payout payout, StatementLine line) {
    return ChronoUnit.DAYS.between(payout.payoutDate(), line.valueDate());
  }

  private record Candidate(
      Payout payout, StatementLine line, boolean reference, long fee, long days, String ruleName) {

    /**
     * Reference evidence first, then the smallest fee, the nearest value date, the smallest ids.
     */
    static final Comparator<Candidate> PREFERENCE =
        Comparator.comparing((Candidate c) -> !c.reference())
            .thenComparingLong(Candidate::fee)
            .thenComparingLong(c -> Math.abs(c.days()))
            .thenComparing(c -> c.payout().eventId())
            .thenComparing(c -> c.line().lineId());
  }
}
