package dev.recon.matching.job;

import dev.recon.matching.tolerant.ToleranceRuleSet;
import dev.recon.matching.tolerant.TolerantKey;
import java.util.Objects;
import org.apache.flink.api.java.functions.KeySelector;

/** Keys L1's leftovers for L2 ({@link TolerantKey}); needs the rules to know the reference form. */
final class TolerantKeySelector implements KeySelector<L1Leftover, String> {

  private static final long serialVersionUID = 1L;

  private final ToleranceRuleSet rules;

  TolerantKeySelector(ToleranceRuleSet rules) {
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  @Override
  public String getKey(L1Leftover l) {
    return TolerantKey.of(
        rules, l.tenantId(), l.psp(), l.currency(), l.merchantReference(), l.exactKey);
  }
}
