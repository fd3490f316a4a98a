package dev.recon.matching.tolerant;

import java.util.List;

/** A rule file read: the rule set when it is valid, else every error found in it. */
public record ParsedRuleSet(ToleranceRuleSet ruleSet, List<RuleError> errors) {

  public ParsedRuleSet {
    errors = List.copyOf(errors);
    if ((ruleSet == null) == errors.isEmpty()) {
      throw new IllegalArgumentException("either a rule set or errors");
    }
  }

  public boolean isValid() {
    return errors.isEmpty();
  }
}
