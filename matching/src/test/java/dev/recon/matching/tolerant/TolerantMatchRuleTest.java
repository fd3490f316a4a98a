package dev.recon.matching.tolerant;

import static dev.recon.matching.SampleRecords.capture;
import static dev.recon.matching.SampleRecords.expected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.recon.matching.Permutations;
import dev.recon.matching.model.Expectation;
import dev.recon.matching.model.PspTransaction;
import dev.recon.matching.model.ReconRecord;
import dev.recon.schemas.Match;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.MatchMember;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TolerantMatchRuleTest {

  private static final List<ToleranceRule> DEFAULTS =
      ToleranceRuleSet.defaults().rulesFor("t-acme", "adyen");

  private static Expectation exp(String id, String reference, long amount, String time) {
    return Expectation.from(expected(id, reference, amount, "EUR", time));
  }

  private static PspTransaction cap(String id, String reference, long amount, String time) {
    return PspTransaction.from(capture(id, reference, amount, 0, null, time));
  }

  private static ToleranceRule rule(
      String name,
      int priority,
      int confidence,
      AmountTolerance amount,
      ReferenceNormalisation reference,
      Set<Allocation> allocations) {
    return new ToleranceRule(
        name,
        priority,
        ToleranceRule.ANY,
        ToleranceRule.ANY,
        confidence,
        amount,
        TimeWindow.DEFAULT,
        reference,
        allocations,
        ToleranceRule.DEFAULT_MAX_PARTS);
  }

  private static List<String> ids(TolerantMatch match) {
    return match.members().stream().map(ReconRecord::recordId).toList();
  }

  @Test
  void references_that_differ_only_in_case_space_and_punctuation_match_at_l2() {
    Expectation e = exp("exp-1", "ord-123 ", 7_000, "2025-09-10T12:00:00Z");
    PspTransaction c = cap("C1", "ORD123", 7_000, "2025-09-11T12:00:00Z");

    TolerantOutcome outcome = TolerantMatchRule.decide(List.of(e), List.of(c), DEFAULTS);

    assertThat(outcome.matches())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.ruleName()).isEqualTo("normalised-reference");
              assertThat(m.confidence()).isEqualTo(95);
              assertThat(ids(m)).containsExactly("exp-1", "C1");
            });
    assertThat(outcome.unmatchedExpected()).isEmpty();
    assertThat(outcome.unmatchedCaptures()).isEmpty();
    Match avro = outcome.matches().get(0).toAvro();
    assertThat(avro.getLevel()).isEqualTo(MatchLevel.L2);
    assertThat(avro.getRule()).isEqualTo("normalised-reference");
    assertThat(avro.getConfidence()).isEqualTo(95);
    assertThat(avro.getMatchId()).startsWith("m-");
    assertThat(avro.getMembers())
        .extracting(MatchMember::getRecordId)
        .containsExactly("exp-1", "C1");
  }

  @Test
  void a_rounding_difference_matches_under_the_looser_rule_with_lower_confidence() {
    Expectation e = exp("exp-1", "ORD-1", 10_000, "2025-09-10T12:00:00Z");
    PspTransaction c = cap("C1", "ord 1", 9_999, "2025-09-11T12:00:00Z");

    TolerantOutcome outcome = TolerantMatchRule.decide(List.of(e), List.of(c), DEFAULTS);

    assertThat(outcome.matches())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.ruleName()).isEqualTo("reference-rounding");
              assertThat(m.confidence()).isEqualTo(85);
            });
  }

  @Test
  void amounts_beyond_the_tolerance_and_different_references_stay_unmatched() {
    Expectation e = exp("exp-2", "ORD-2", 5_000, "2025-09-10T12:00:00Z");
    PspTransaction off = cap("C2", "ORD-2", 4_500, "2025-09-11T12:00:00Z");
    PspTransaction other = cap("C4", "ORD-4", 5_000, "2025-09-11T12:00:00Z");

    TolerantOutcome outcome = TolerantMatchRule.decide(List.of(e), List.of(off, other), DEFAULTS);

    assertThat(outcome.matches()).isEmpty();
    assertThat(outcome.unmatchedExpected()).containsExactly(e);
    assertThat(outcome.unmatchedCaptures()).containsExactly(off, other);
  }

  @Test
  void captures_outside_the_time_window_do_not_match() {
    Expectation e = exp("exp-1", "ORD-1", 7_000, "2025-09-10T12:00:00Z");
    PspTransaction late = cap("C1", "ord1", 7_000, "2025-09-17T12:00:01Z");

    assertThat(TolerantMatchRule.decide(List.of(e), List.of(late), DEFAULTS).matches()).isEmpty();
  }

  @Test
  void partial_captures_summing_to_the_expected_amount_match_n_to_1() {
    Expectation e = exp("exp-7", "ORD-7", 8_000, "2025-09-10T12:00:00Z");
    PspTransaction first = cap("C7a", "ORD-7", 5_000, "2025-09-11T12:00:00Z");
    PspTransaction second = cap("C7b", "ORD-7", 3_000, "2025-09-12T12:00:00Z");
    PspTransaction stray = cap("C7c", "ORD-7", 2_500, "2025-09-12T13:00:00Z");

    TolerantOutcome outcome =
        TolerantMatchRule.decide(List.of(e), List.of(stray, second, first), DEFAULTS);

    assertThat(outcome.matches())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.ruleName()).isEqualTo("normalised-reference");
              assertThat(ids(m)).containsExactly("exp-7", "C7a", "C7b");
            });
    assertThat(outcome.unmatchedCaptures()).containsExactly(stray);
  }

  @Test
  void one_capture_for_several_expected_payments_matches_1_to_n() {
    Expectation a = exp("exp-a", "CART-9", 1_200, "2025-09-10T12:00:00Z");
    Expectation b = exp("exp-b", "cart 9", 800, "2025-09-10T12:05:00Z");
    PspTransaction c = cap("C9", "CART9", 2_000, "2025-09-11T12:00:00Z");

    TolerantOutcome outcome = TolerantMatchRule.decide(List.of(b, a), List.of(c), DEFAULTS);

    assertThat(outcome.matches())
        .singleElement()
        .satisfies(m -> assertThat(ids(m)).containsExactly("exp-a", "exp-b", "C9"));
  }

  @Test
  void the_first_rule_in_priority_order_wins_and_1_to_1_comes_before_n_to_1() {
    ToleranceRule loose =
        rule(
            "loose",
            20,
            50,
            new AmountTolerance(100, 0, RelativeBase.LARGER),
            null,
            Set.of(Allocation.ONE_TO_ONE));
    ToleranceRule strict =
        rule(
            "strict",
            10,
            90,
            AmountTolerance.EXACT,
            ReferenceNormalisation.LENIENT,
            Set.of(Allocation.values()));
    Expectation e = exp("exp-1", "ORD-1", 1_000, "2025-09-10T12:00:00Z");
    PspTransaction whole = cap("C-whole", "ORD-1", 1_000, "2025-09-12T12:00:00Z");
    PspTransaction part1 = cap("C-p1", "ORD-1", 600, "2025-09-10T13:00:00Z");
    PspTransaction part2 = cap("C-p2", "ORD-1", 400, "2025-09-10T14:00:00Z");
    Expectation near = exp("exp-2", "X", 590, "2025-09-10T12:00:00Z");

    TolerantOutcome outcome =
        TolerantMatchRule.decide(
            List.of(e, near), List.of(part1, part2, whole), List.of(loose, strict));

    assertThat(outcome.matches())
        .extracting(TolerantMatch::ruleName, TolerantMatchRuleTest::ids)
        .containsExactly(
            tuple("strict", List.of("exp-1", "C-whole")), tuple("loose", List.of("exp-2", "C-p1")));
    assertThat(outcome.unmatchedCaptures()).containsExactly(part2);
  }

  @Test
  void among_equal_candidates_the_nearest_in_time_then_the_smallest_id_wins() {
    Expectation e = exp("exp-1", "ORD-1", 1_000, "2025-09-10T12:00:00Z");
    PspTransaction far = cap("C-a", "ORD-1", 1_000, "2025-09-13T12:00:00Z");
    PspTransaction nearB = cap("C-c", "ORD-1", 1_000, "2025-09-11T12:00:00Z");
    PspTransaction nearA = cap("C-b", "ORD-1", 1_000, "2025-09-11T12:00:00Z");

    TolerantOutcome outcome =
        TolerantMatchRule.decide(List.of(e), List.of(far, nearB, nearA), DEFAULTS);

    assertThat(ids(outcome.matches().get(0))).containsExactly("exp-1", "C-b");
  }

  @Test
  void no_rules_match_nothing() {
    Expectation e = exp("exp-1", "ord-1", 1_000, "2025-09-10T12:00:00Z");
    PspTransaction c = cap("C1", "ORD1", 1_000, "2025-09-11T12:00:00Z");

    TolerantOutcome outcome = TolerantMatchRule.decide(List.of(e), List.of(c), List.of());

    assertThat(outcome.matches()).isEmpty();
    assertThat(outcome.unmatchedExpected()).containsExactly(e);
  }

  @Test
  void the_outcome_does_not_depend_on_the_order_of_the_records() {
    List<ReconRecord> records =
        List.of(
            exp("exp-1", "ord-1", 1_000, "2025-09-10T12:00:00Z"),
            exp("exp-2", "ORD-2", 2_000, "2025-09-10T12:00:00Z"),
            exp("exp-3", "ORD-3", 500, "2025-09-10T13:00:00Z"),
            cap("C1", "ORD1", 1_000, "2025-09-11T12:00:00Z"),
            cap("C2a", "ORD2", 1_500, "2025-09-11T12:00:00Z"),
            cap("C2b", "ord 2", 500, "2025-09-11T13:00:00Z"),
            cap("C3", "ORD 3", 499, "2025-09-11T12:00:00Z"),
            cap("C1dup", "ORD-1", 1_000, "2025-09-11T12:00:00Z"));
    List<String> first = null;
    for (List<ReconRecord> order : Permutations.of(records)) {
      List<Expectation> expected = new ArrayList<>();
      List<PspTransaction> captures = new ArrayList<>();
      for (ReconRecord r : order) {
        if (r instanceof Expectation e) {
          expected.add(e);
        } else {
          captures.add((PspTransaction) r);
        }
      }
      TolerantOutcome outcome = TolerantMatchRule.decide(expected, captures, DEFAULTS);
      List<String> described = new ArrayList<>();
      outcome.matches().forEach(m -> described.add(m.ruleName() + ids(m)));
      outcome.unmatchedExpected().forEach(e -> described.add("open " + e.recordId()));
      outcome.unmatchedCaptures().forEach(c -> described.add("open " + c.recordId()));
      if (first == null) {
        first = described;
        assertThat(described)
            .containsExactlyInAnyOrder(
                "normalised-reference[exp-1, C1]",
                "normalised-reference[exp-2, C2a, C2b]",
                "reference-rounding[exp-3, C3]",
                "open C1dup");
      }
      assertThat(described).as("order %s", order).isEqualTo(first);
    }
  }
}
