package dev.recon.matching.tolerant;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToleranceRuleYamlTest {

  private static final String FULL =
      """
      rules:
        - name: adyen-rounding
          priority: 20
          tenant: t-acme
          psp: adyen
          confidence: 80
          amount:
            absolute_minor: 1
            relative_bps: 5
            relative_base: expected
          time:
            max_lag_days: 3
            direction: PSP_AFTER_EXPECTED
          reference:
            ignore_case: true
            ignore_whitespace: false
            strip_prefixes: [ORDER-, INV]
            regex: "(\\\\d+)$"
          allocation: [ONE_TO_ONE, PARTIAL_CAPTURES]
          max_parts: 3
        - name: amount-only
          priority: 90
          confidence: 40
      """;

  @Test
  void a_full_rule_file_is_read_into_rules_sorted_by_priority() {
    ParsedRuleSet parsed = ToleranceRuleYaml.parse(FULL);

    assertThat(parsed.errors()).isEmpty();
    assertThat(parsed.isValid()).isTrue();
    List<ToleranceRule> rules = parsed.ruleSet().rules();
    assertThat(rules)
        .extracting(ToleranceRule::name)
        .containsExactly("adyen-rounding", "amount-only");
    ToleranceRule rounding = rules.get(0);
    assertThat(rounding)
        .isEqualTo(
            new ToleranceRule(
                "adyen-rounding",
                20,
                "t-acme",
                "adyen",
                80,
                new AmountTolerance(1, 5, RelativeBase.EXPECTED),
                new TimeWindow(3, LagDirection.PSP_AFTER_EXPECTED),
                new ReferenceNormalisation(true, false, true, List.of("ORDER-", "INV"), "(\\d+)$"),
                Set.of(Allocation.ONE_TO_ONE, Allocation.PARTIAL_CAPTURES),
                3));
    ToleranceRule defaults = rules.get(1);
    assertThat(defaults.tenant()).isEqualTo(ToleranceRule.ANY);
    assertThat(defaults.psp()).isEqualTo(ToleranceRule.ANY);
    assertThat(defaults.amount()).isEqualTo(AmountTolerance.EXACT);
    assertThat(defaults.time()).isEqualTo(TimeWindow.DEFAULT);
    assertThat(defaults.reference()).isNull();
    assertThat(defaults.allocations()).containsExactly(Allocation.ONE_TO_ONE);
    assertThat(defaults.maxParts()).isEqualTo(ToleranceRule.DEFAULT_MAX_PARTS);
  }

  @Test
  void every_error_is_reported_at_once_with_the_path_of_its_key() {
    String bad =
        """
        rules:
          - name: "bad name!"
            priority: -1
            confidence: 101
            colour: blue
            amount:
              absolute_minor: 1.5
              relative_bps: 20000
            time:
              direction: SIDEWAYS
            reference:
              ignore_case: maybe
              strip_prefixes: ["", ok]
              regex: "(a)(b)"
            allocation: [ONE_TO_ONE, ONE_TO_ONE, MANY]
            max_parts: 9
          - name: dup
            priority: 1
            confidence: 50
          - name: dup
            priority: 2
            confidence: 50
          - just a string
        extra: 1
        """;

    ParsedRuleSet parsed = ToleranceRuleYaml.parse(bad);

    assertThat(parsed.isValid()).isFalse();
    assertThat(parsed.ruleSet()).isNull();
    assertThat(parsed.errors())
        .extracting(RuleError::path)
        .containsExactlyInAnyOrder(
            "extra",
            "rules[0].colour",
            "rules[0].name",
            "rules[0].priority",
            "rules[0].confidence",
            "rules[0].amount.absolute_minor",
            "rules[0].amount.relative_bps",
            "rules[0].time.max_lag_days",
            "rules[0].time.direction",
            "rules[0].reference.ignore_case",
            "rules[0].reference.strip_prefixes[0]",
            "rules[0].reference.regex",
            "rules[0].allocation[1]",
            "rules[0].allocation[2]",
            "rules[0].max_parts",
            "rules[2].name",
            "rules[3]");
    assertThat(parsed.errors())
        .filteredOn(e -> e.path().equals("rules[0].time.direction"))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("PSP_AFTER_EXPECTED"));
    assertThat(parsed.errors())
        .filteredOn(e -> e.path().equals("rules[2].name"))
        .singleElement()
        .satisfies(
            e -> assertThat(e.toString()).isEqualTo("rules[2].name: duplicate rule name 'dup'"));
  }

  @Test
  void a_relative_tolerance_must_state_its_base() {
    ParsedRuleSet parsed =
        ToleranceRuleYaml.parse(
            """
            rules:
              - name: r
                priority: 1
                confidence: 50
                amount: {relative_bps: 10}
            """);

    assertThat(parsed.errors())
        .extracting(RuleError::path)
        .containsExactly("rules[0].amount.relative_base");
  }

  @Test
  void broken_yaml_is_one_error_with_its_position() {
    ParsedRuleSet parsed = ToleranceRuleYaml.parse("rules:\n  - name: [unclosed\n");

    assertThat(parsed.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.message()).startsWith("not valid YAML at line"));
  }

  @Test
  void a_file_without_rules_or_too_large_is_rejected() {
    assertThat(ToleranceRuleYaml.parse("").errors()).isNotEmpty();
    assertThat(ToleranceRuleYaml.parse("rules: 3").errors())
        .extracting(RuleError::path)
        .containsExactly("rules");
    assertThat(ToleranceRuleYaml.parse("- a\n- b").errors()).isNotEmpty();
    String huge = "rules: []\n# " + "x".repeat(ToleranceRuleYaml.MAX_CHARS);
    assertThat(ToleranceRuleYaml.parse(huge).errors())
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("longer than"));
  }

  @Test
  void an_empty_rule_list_is_valid_and_turns_l2_off() {
    ParsedRuleSet parsed = ToleranceRuleYaml.parse("rules: []");

    assertThat(parsed.ruleSet()).isEqualTo(ToleranceRuleSet.none());
  }

  @Test
  void too_many_rules_are_rejected() {
    StringBuilder yaml = new StringBuilder("rules:\n");
    for (int i = 0; i <= ToleranceRuleSet.MAX_RULES; i++) {
      yaml.append("  - {name: r").append(i).append(", priority: 1, confidence: 1}\n");
    }

    assertThat(ToleranceRuleYaml.parse(yaml.toString()).errors())
        .extracting(RuleError::path)
        .containsExactly("rules");
  }

  @Test
  void a_rule_file_is_read_from_disk(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("rules.yaml");
    Files.writeString(file, FULL, StandardCharsets.UTF_8);

    assertThat(ToleranceRuleYaml.read(file).ruleSet().rules()).hasSize(2);
  }
}
