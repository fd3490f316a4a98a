package dev.recon.matching.tolerant;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Every L2 rule of a deployment; each tenant and PSP sees the ones that apply to it. */
public record ToleranceRuleSet(List<ToleranceRule> rules) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Each rule is tried over every leftover of a key: keep the list a list, not a database. */
  public static final int MAX_RULES = 200;

  public ToleranceRuleSet {
    rules = rules.stream().sorted(ToleranceRule.ORDER).toList();
    if (rules.size() > MAX_RULES) {
      throw new IllegalArgumentException("more than " + MAX_RULES + " rules");
    }
    if (rules.stream().map(ToleranceRule::name).distinct().count() != rules.size()) {
      throw new IllegalArgumentException("rule names must be unique");
    }
  }

  /** No L2 matching at all: every L1 leftover breaks. */
  public static ToleranceRuleSet none() {
    return new ToleranceRuleSet(List.of());
  }

  /**
   * The rules used when none are configured: conservative, every one needs the references to agree
   * once normalised, so an amount alone never pairs two unrelated payments.
   */
  public static ToleranceRuleSet defaults() {
    Set<Allocation> all = Set.of(Allocation.values());
    return new ToleranceRuleSet(
        List.of(
            new ToleranceRule(
                "normalised-reference",
                10,
                ToleranceRule.ANY,
                ToleranceRule.ANY,
                95,
                AmountTolerance.EXACT,
                TimeWindow.DEFAULT,
                ReferenceNormalisation.LENIENT,
                all,
                ToleranceRule.DEFAULT_MAX_PARTS),
            new ToleranceRule(
                "reference-rounding",
                20,
                ToleranceRule.ANY,
                ToleranceRule.ANY,
                85,
                new AmountTolerance(1, 0, RelativeBase.LARGER),
                TimeWindow.DEFAULT,
                ReferenceNormalisation.LENIENT,
                all,
                ToleranceRule.DEFAULT_MAX_PARTS)));
  }

  /**
   * The one reference normalisation every rule for this tenant and PSP compares under, if they all
   * use the same: L2 can then be keyed by the normalised reference instead of holding every
   * leftover of the tenant, PSP and currency under one key.
   */
  public Optional<ReferenceNormalisation> sharedReference(String tenantId, String psp) {
    List<ToleranceRule> applicable = rulesFor(tenantId, psp);
    if (applicable.isEmpty()) {
      return Optional.empty();
    }
    ReferenceNormalisation first = applicable.get(0).reference();
    for (ToleranceRule rule : applicable) {
      if (rule.reference() == null || !rule.reference().equals(first)) {
        return Optional.empty();
      }
    }
    return Optional.of(first);
  }

  /** The rules for one tenant and PSP, in the order they are tried. */
  public List<ToleranceRule> rulesFor(String tenantId, String psp) {
    return rules.stream().filter(r -> r.appliesTo(tenantId, psp)).toList();
  }
}
