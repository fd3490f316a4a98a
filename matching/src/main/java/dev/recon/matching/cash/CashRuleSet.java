package dev.recon.matching.cash;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/** Every L4 rule of a deployment; a payout and bank line see the first one that applies. */
public record CashRuleSet(List<CashRule> rules) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Each rule may be tried for every payout and line of a key: a list, not a database. */
  public static final int MAX_RULES = 200;

  public CashRuleSet {
    rules = rules.stream().sorted(CashRule.ORDER).toList();
    if (rules.size() > MAX_RULES) {
      throw new IllegalArgumentException("more than " + MAX_RULES + " cash rules");
    }
    if (rules.stream().map(CashRule::name).distinct().count() != rules.size()) {
      throw new IllegalArgumentException("cash rule names must be unique");
    }
  }

  /** No configured rule: L4 keeps its built-in terms (calendar days 1/5, the fallback fee). */
  public static CashRuleSet none() {
    return new CashRuleSet(List.of());
  }

  /** The rule with the lowest priority (then name) that applies, if any. */
  public Optional<CashRule> ruleFor(
      String tenantId, String psp, String bankAccount, String currency) {
    return rules.stream()
        .filter(r -> r.appliesTo(tenantId, psp, bankAccount, currency))
        .findFirst();
  }
}
