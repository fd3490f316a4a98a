package dev.recon.matching.cash;

import dev.recon.matching.calendar.PayoutCalendars;
import dev.recon.matching.model.Payout;
import dev.recon.matching.model.StatementLine;
import java.io.Serializable;
import java.util.Objects;

/**
 * What L4 holds a payout and a bank line to: the first {@link CashRule} that applies to the
 * payout's tenant, PSP and currency and the line's bank account, or, when none does, the built-in
 * terms (calendar days 1 before / 5 after, the containment reference check, {@code
 * fallbackMaxBankFeeMinor}).
 *
 * @param calendars the holidays business-day windows skip
 */
public record CashTerms(CashRuleSet rules, PayoutCalendars calendars, long fallbackMaxBankFeeMinor)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final CashTerms DEFAULT =
      new CashTerms(CashRuleSet.none(), PayoutCalendars.defaults(), 0);

  public CashTerms {
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(calendars, "calendars");
    if (fallbackMaxBankFeeMinor < 0 || fallbackMaxBankFeeMinor > CashRule.MAX_FEE_MINOR) {
      throw new IllegalArgumentException(
          "fallbackMaxBankFeeMinor outside 0.." + CashRule.MAX_FEE_MINOR);
    }
  }

  /** The built-in terms with a fee tolerance and no configured rule. */
  public static CashTerms fallback(long maxBankFeeMinor) {
    return new CashTerms(CashRuleSet.none(), PayoutCalendars.defaults(), maxBankFeeMinor);
  }

  /** The terms for one payout and one line. */
  public Pair of(Payout payout, StatementLine line) {
    CashRule rule =
        rules
            .ruleFor(payout.tenantId(), payout.psp(), line.bankAccount(), payout.currency())
            .orElse(null);
    ValueDateWindow window = rule == null ? ValueDateWindow.DEFAULT : rule.valueDate();
    return new Pair(
        rule == null ? null : rule.name(),
        rule == null ? fallbackMaxBankFeeMinor : rule.maxFeeFor(payout.currency()),
        window.contains(payout.payoutDate(), line.valueDate(), payout.currency(), calendars),
        rule == null ? PayoutReference.appearsOn(payout, line) : rule.referenceShows(payout, line));
  }

  /**
   * The terms applied to one payout and line.
   *
   * @param ruleName the configured rule, null for the built-in terms
   */
  public record Pair(
      String ruleName, long maxBankFeeMinor, boolean onTime, boolean referenceShows) {}
}
