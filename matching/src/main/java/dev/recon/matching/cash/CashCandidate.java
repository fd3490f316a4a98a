package dev.recon.matching.cash;

import dev.recon.matching.model.MatchRule;
import dev.recon.matching.model.Payout;
import dev.recon.matching.model.StatementLine;
import java.util.Comparator;

/**
 * A payout and a bank line that could match, by which rule and how many days apart.
 *
 * @param cashRule the configured cash rule whose terms applied, null for the built-in terms
 */
public record CashCandidate(
    Payout payout, StatementLine line, MatchRule rule, long dayDistance, String cashRule) {

  /** Reference evidence first, then the nearest value date, then the smallest ids. */
  public static final Comparator<CashCandidate> PREFERENCE =
      Comparator.comparing((CashCandidate c) -> c.rule() != MatchRule.AMOUNT_REFERENCE)
          .thenComparingLong(CashCandidate::dayDistance)
          .thenComparing(c -> c.payout().eventId())
          .thenComparing(c -> c.line().lineId());

  public CashCandidate(Payout payout, StatementLine line, MatchRule rule, long dayDistance) {
    this(payout, line, rule, dayDistance, null);
  }
}
