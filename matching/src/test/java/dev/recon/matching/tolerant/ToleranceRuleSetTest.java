package dev.recon.matching.tolerant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ToleranceRuleSetTest {

  private static ToleranceRule rule(String name, int priority, String tenant, String psp) {
    return new ToleranceRule(
        name,
        priority,
        tenant,
        psp,
        50,
        AmountTolerance.EXACT,
        TimeWindow.DEFAULT,
        null,
        Set.of(Allocation.ONE_TO_ONE),
        2);
  }

  @Test
  void rules_apply_per_tenant_and_psp_in_priority_then_name_order() {
    ToleranceRuleSet set =
        new ToleranceRuleSet(
            List.of(
                rule("z-any", 5, ToleranceRule.ANY, ToleranceRule.ANY),
                rule("acme-adyen", 5, "t-acme", "adyen"),
                rule("acme-stripe", 1, "t-acme", "stripe"),
                rule("other", 0, "t-other", ToleranceRule.ANY)));

    assertThat(set.rulesFor("t-acme", " Adyen "))
        .extracting(ToleranceRule::name)
        .containsExactly("acme-adyen", "z-any");
    assertThat(set.rulesFor("t-other", "adyen"))
        .extracting(ToleranceRule::name)
        .containsExactly("other", "z-any");
  }

  @Test
  void names_are_unique_and_checked() {
    assertThatThrownBy(
            () -> new ToleranceRuleSet(List.of(rule("a", 1, "*", "*"), rule("a", 2, "*", "*"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> rule("no spaces", 1, "*", "*"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void the_defaults_need_references_and_looser_rules_have_lower_confidence() {
    List<ToleranceRule> defaults = ToleranceRuleSet.defaults().rules();

    assertThat(defaults).isNotEmpty().allSatisfy(r -> assertThat(r.reference()).isNotNull());
    for (int i = 1; i < defaults.size(); i++) {
      assertThat(defaults.get(i).confidence()).isLessThan(defaults.get(i - 1).confidence());
    }
  }

  @Test
  void a_rule_set_survives_java_serialization_as_flink_ships_it() throws Exception {
    ToleranceRuleSet set = ToleranceRuleSet.defaults();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(set);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isEqualTo(set);
    }
  }
}
