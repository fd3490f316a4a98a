package dev.recon.matching.tolerant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceNormalisationTest {

  @Test
  void lenient_ignores_case_whitespace_and_punctuation() {
    ReferenceNormalisation.Normaliser n = ReferenceNormalisation.LENIENT.normaliser();
    assertThat(n.normalise("ord-123 ")).isEqualTo("ORD123");
    assertThat(n.normalise("ORD123")).isEqualTo("ORD123");
    assertThat(n.normalise(" Ord 12/3\u00a0")).isEqualTo("ORD123");
    assertThat(n.normalise(null)).isEmpty();
    assertThat(n.normalise(" -/- ")).isEmpty();
  }

  @Test
  void each_step_can_be_turned_off() {
    ReferenceNormalisation strict =
        new ReferenceNormalisation(false, false, false, List.of(), null);
    assertThat(strict.normaliser().normalise(" ord-1 ")).isEqualTo("ord-1");
    ReferenceNormalisation caseOnly =
        new ReferenceNormalisation(true, false, false, List.of(), null);
    assertThat(caseOnly.normaliser().normalise("ord 1")).isEqualTo("ORD 1");
  }

  @Test
  void the_longest_matching_prefix_is_stripped_before_punctuation_goes() {
    ReferenceNormalisation prefixes =
        new ReferenceNormalisation(true, true, true, List.of("ord", "order-", "INV"), null);
    ReferenceNormalisation.Normaliser n = prefixes.normaliser();
    assertThat(n.normalise("Order-123")).isEqualTo("123");
    assertThat(n.normalise("ORD-123")).isEqualTo("123");
    assertThat(n.normalise("inv 123")).isEqualTo("123");
    assertThat(n.normalise("X-ORD-123")).isEqualTo("XORD123");
  }

  @Test
  void the_regex_keeps_its_capture_group_or_nothing() {
    ReferenceNormalisation regex =
        new ReferenceNormalisation(true, true, true, List.of(), "(\\d{4,})$");
    ReferenceNormalisation.Normaliser n = regex.normaliser();
    assertThat(n.normalise("Shop order #000123")).isEqualTo("000123");
    assertThat(n.normalise("refund 12")).isEmpty();
  }

  @Test
  void a_regex_needs_exactly_one_group_and_must_compile() {
    assertThat(ReferenceNormalisation.regexProblem("(a)(b)")).contains("exactly one");
    assertThat(ReferenceNormalisation.regexProblem("abc")).contains("exactly one");
    assertThat(ReferenceNormalisation.regexProblem("(a")).contains("does not compile");
    assertThat(ReferenceNormalisation.regexProblem("(" + "a".repeat(300) + ")"))
        .contains("longer than");
    assertThat(ReferenceNormalisation.regexProblem("(?:x)(\\d+)")).isNull();
    assertThatThrownBy(() -> new ReferenceNormalisation(true, true, true, List.of(), "(a)(b)"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void very_long_references_are_cut_before_normalising() {
    String longReference = "A".repeat(10_000);
    assertThat(ReferenceNormalisation.LENIENT.normaliser().normalise(longReference))
        .hasSize(ReferenceNormalisation.MAX_REFERENCE_CHARS);
  }
}
