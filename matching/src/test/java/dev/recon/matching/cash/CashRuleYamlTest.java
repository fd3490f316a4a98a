package dev.recon.matching.cash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.matching.tolerant.ParsedRuleSet;
import dev.recon.matching.tolerant.RuleError;
import dev.recon.matching.tolerant.ToleranceRuleSet;
import dev.recon.matching.tolerant.ToleranceRuleYaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CashRuleYamlTest {

  private static final String BOTH =
      """
      rules:
        - name: adyen-rounding
          priority: 20
          confidence: 85
      cash:
        - name: any-bank
          priority: 50
          max_bank_fee_minor: {"*": 100}
        - name: eur-banks
          priority: 10
          tenant: t-acme
          psp: adyen
          bank_account: NL91ABNA0417164300
          max_bank_fee_minor: {EUR: 500, JPY: 500}
          value_date:
            business_days_before: 1
            business_days_after: 2
            calendar: EUR
          reference_patterns: ["PO-0*(\\\\d+)", "BATCH\\\\s+(\\\\d+)"]
      """;

  @Test
  void a_cash_section_beside_the_rules_is_read_in_priority_order() {
    ParsedRuleSet parsed = ToleranceRuleYaml.parse(BOTH);

    assertThat(parsed.errors()).isEmpty();
    assertThat(parsed.ruleSet().rules())
        .singleElement()
        .extracting("name")
        .isEqualTo("adyen-rounding");
    List<CashRule> cash = parsed.cashRules().rules();
    assertThat(cash).extracting(CashRule::name).containsExactly("eur-banks", "any-bank");
    CashRule eur = cash.get(0);
    assertThat(eur.tenant()).isEqualTo("t-acme");
    assertThat(eur.psp()).isEqualTo("adyen");
    assertThat(eur.bankAccount()).isEqualTo("NL91ABNA0417164300");
    assertThat(eur.maxBankFeeMinor()).isEqualTo(Map.of("EUR", 500L, "JPY", 500L));
    assertThat(eur.valueDate()).isEqualTo(ValueDateWindow.businessDays(1, 2, "EUR"));
    assertThat(eur.referencePatterns())
        .extracting(ReferencePattern::toString)
        .containsExactly("PO-0*(\\d+)", "BATCH\\s+(\\d+)");
    CashRule any = cash.get(1);
    assertThat(any.tenant()).isEqualTo(CashRule.ANY);
    assertThat(any.psp()).isEqualTo(CashRule.ANY);
    assertThat(any.bankAccount()).isEqualTo(CashRule.ANY);
    assertThat(any.maxFeeFor("USD")).isEqualTo(100);
    assertThat(any.valueDate()).isEqualTo(ValueDateWindow.DEFAULT);
    assertThat(any.referencePatterns()).isEmpty();
  }

  @Test
  void a_file_with_only_cash_rules_keeps_the_default_l2_rules() {
    ParsedRuleSet parsed =
        ToleranceRuleYaml.parse(
            "cash:\n  - {name: fees, priority: 1, max_bank_fee_minor: {EUR: 500}}");

    assertThat(parsed.isValid()).isTrue();
    assertThat(parsed.ruleSet()).isEqualTo(ToleranceRuleSet.defaults());
    assertThat(parsed.cashRules().rules()).extracting(CashRule::name).containsExactly("fees");
  }

  @Test
  void a_file_with_only_l2_rules_has_no_cash_rules() {
    ParsedRuleSet parsed = ToleranceRuleYaml.parse("rules: []");

    assertThat(parsed.cashRules()).isEqualTo(CashRuleSet.none());
  }

  @Test
  void every_error_in_the_cash_section_is_reported_with_its_path() {
    String yaml =
        """
        colour: blue
        cash:
          - name: "bad name!"
            priority: -1
            shade: red
            tenant: ""
            max_bank_fee_minor: {euro: 5, EUR: -1, USD: 1.5, JPY: 2000000}
            value_date: {business_days_after: 61, calendar: eur, weekends: no}
            reference_patterns: ["no-group", "(a)(b)", "([unclosed)", 42]
          - priority: 1
            value_date: 3
            max_bank_fee_minor: 500
            reference_patterns: "PO-(\\\\d+)"
          - {name: twin, priority: 1}
          - {name: twin, priority: 2}
          - 7
        """;

    ParsedRuleSet parsed = ToleranceRuleYaml.parse(yaml);

    assertThat(parsed.isValid()).isFalse();
    assertThat(parsed.ruleSet()).isNull();
    assertThat(parsed.cashRules()).isNull();
    assertThat(parsed.errors())
        .extracting(RuleError::path)
        .containsExactlyInAnyOrder(
            "colour",
            "cash[0].shade",
            "cash[0].name",
            "cash[0].priority",
            "cash[0].tenant",
            "cash[0].max_bank_fee_minor.euro",
            "cash[0].max_bank_fee_minor.EUR",
            "cash[0].max_bank_fee_minor.USD",
            "cash[0].max_bank_fee_minor.JPY",
            "cash[0].value_date.weekends",
            "cash[0].value_date.business_days_before",
            "cash[0].value_date.business_days_after",
            "cash[0].value_date.calendar",
            "cash[0].reference_patterns[0]",
            "cash[0].reference_patterns[1]",
            "cash[0].reference_patterns[2]",
            "cash[0].reference_patterns[3]",
            "cash[1].name",
            "cash[1].value_date",
            "cash[1].max_bank_fee_minor",
            "cash[1].reference_patterns",
            "cash[3].name",
            "cash[4]");
    assertThat(parsed.errors())
        .filteredOn(e -> e.path().equals("cash[0].reference_patterns[1]"))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("exactly one capture group, has 2"));
    assertThat(parsed.errors())
        .filteredOn(e -> e.path().equals("cash[3].name"))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("duplicate cash rule name 'twin'"));
    assertThat(parsed.errors())
        .filteredOn(e -> e.path().equals("cash[0].value_date.business_days_after"))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).isEqualTo("must be between 0 and 60, is 61"));
  }

  @Test
  void errors_in_both_sections_are_reported_together() {
    ParsedRuleSet parsed =
        ToleranceRuleYaml.parse(
            "rules:\n  - {name: r, priority: 1}\ncash:\n  - {name: c, priority: x}\n");

    assertThat(parsed.errors())
        .extracting(RuleError::path)
        .containsExactlyInAnyOrder("rules[0].confidence", "cash[0].priority");
  }

  @Test
  void a_cash_section_that_is_no_list_or_too_long_and_a_file_with_neither_section_are_rejected() {
    assertThat(ToleranceRuleYaml.parse("cash: {name: x}").errors())
        .extracting(RuleError::path)
        .containsExactly("cash");
    StringBuilder many = new StringBuilder("cash:\n");
    for (int i = 0; i <= CashRuleSet.MAX_RULES; i++) {
      many.append("  - {name: c").append(i).append(", priority: 1}\n");
    }
    assertThat(ToleranceRuleYaml.parse(many.toString()).errors())
        .singleElement()
        .satisfies(e -> assertThat(e.toString()).isEqualTo("cash: more than 200 cash rules"));
    StringBuilder patterns = new StringBuilder("cash:\n  - name: p\n    priority: 1\n");
    patterns.append("    reference_patterns:\n");
    for (int i = 0; i <= CashRule.MAX_PATTERNS; i++) {
      patterns.append("      - \"P").append(i).append("-(\\\\d+)\"\n");
    }
    assertThat(ToleranceRuleYaml.parse(patterns.toString()).errors())
        .extracting(RuleError::path)
        .containsExactly("cash[0].reference_patterns");
    assertThat(ToleranceRuleYaml.parse("colour: blue").errors())
        .extracting(RuleError::path)
        .containsExactly("");
  }

  @Test
  void a_file_with_cash_rules_is_read_from_disk(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("rules.yaml");
    Files.writeString(file, BOTH);

    ParsedRuleSet parsed = ToleranceRuleYaml.read(file);

    assertThat(parsed.isValid()).isTrue();
    assertThat(parsed.cashRules().rules()).hasSize(2);
  }
}
