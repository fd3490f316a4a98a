package dev.recon.matching.tolerant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TolerantKeyTest {

  private static final ToleranceRuleSet DEFAULTS = ToleranceRuleSet.defaults();

  @Test
  void with_one_shared_reference_form_the_key_holds_the_normalised_reference() {
    assertThat(TolerantKey.of(DEFAULTS, "t-acme", "Adyen ", "EUR", "ord-123 ", "k1"))
        .isEqualTo(TolerantKey.of(DEFAULTS, "t-acme", "adyen", "EUR", "ORD123", "k2"))
        .isNotEqualTo(TolerantKey.of(DEFAULTS, "t-acme", "adyen", "EUR", "ORD124", "k1"))
        .isNotEqualTo(TolerantKey.of(DEFAULTS, "t-acme", "adyen", "USD", "ORD123", "k1"))
        .isNotEqualTo(TolerantKey.of(DEFAULTS, "t-other", "adyen", "EUR", "ORD123", "k1"));
  }

  @Test
  void a_reference_that_normalises_to_nothing_keeps_its_l1_key() {
    assertThat(TolerantKey.of(DEFAULTS, "t-acme", "adyen", "EUR", " -- ", "k1"))
        .isEqualTo(TolerantKey.of(DEFAULTS, "t-acme", "adyen", "EUR", "/", "k1"))
        .isNotEqualTo(TolerantKey.of(DEFAULTS, "t-acme", "adyen", "EUR", " -- ", "k2"));
  }

  @Test
  void a_rule_without_references_puts_the_whole_currency_under_one_key() {
    List<ToleranceRule> rules = new ArrayList<>(DEFAULTS.rules());
    rules.add(
        new ToleranceRule(
            "amount-only",
            99,
            "t-acme",
            "adyen",
            40,
            AmountTolerance.EXACT,
            TimeWindow.DEFAULT,
            null,
            Set.of(Allocation.ONE_TO_ONE),
            2));
    ToleranceRuleSet withAmountOnly = new ToleranceRuleSet(rules);

    assertThat(withAmountOnly.sharedReference("t-acme", "adyen")).isEmpty();
    assertThat(withAmountOnly.sharedReference("t-other", "adyen")).isPresent();
    assertThat(TolerantKey.of(withAmountOnly, "t-acme", "adyen", "EUR", "ORD-1", "k1"))
        .isEqualTo(TolerantKey.of(withAmountOnly, "t-acme", "adyen", "EUR", "X-9", "k2"));
    assertThat(ToleranceRuleSet.none().sharedReference("t-acme", "adyen")).isEmpty();
  }
}
