package dev.recon.matching.tolerant;

import dev.recon.matching.cash.CashRuleSet;
import java.util.List;

/**
 * A rule file read: the L2 rule set and the L4 cash rules when it is valid, else every error found
 * in it.
 *
 * @param ruleSet L2's rules; {@link ToleranceRuleSet#defaults()} when the file has no {@code
 *     rules:} section
 * @param cashRules L4's rules; {@link CashRuleSet#none()} when the file has no {@code cash:}
 *     section
 */
public record ParsedRuleSet(
    ToleranceRuleSet ruleSet, List<RuleError> errors, CashRuleSet cashRules) {

  public ParsedRuleSet {
    errors = List.copyOf(errors);
    if ((ruleSet == null) == errors.isEmpty() || (cashRules == null) == errors.isEmpty()) {
      throw new IllegalArgumentException("either rule sets or errors");
    }
  }

  /** An L2-only result: no cash rules. */
  public ParsedRuleSet(ToleranceRuleSet ruleSet, List<RuleError> errors) {
    this(ruleSet, errors, ruleSet == null ? null : CashRuleSet.none());
  }

  public boolean isValid() {
    return errors.isEmpty();
  }
}
