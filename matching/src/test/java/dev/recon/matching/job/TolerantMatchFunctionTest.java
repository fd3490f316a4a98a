package dev.recon.matching.job;

import static dev.recon.matching.SampleRecords.at;
import static dev.recon.matching.SampleRecords.capture;
import static dev.recon.matching.SampleRecords.expected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.recon.matching.Permutations;
import dev.recon.matching.tolerant.ToleranceRuleSet;
import dev.recon.schemas.ExpectedPayment;
import dev.recon.schemas.Match;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.MatchMember;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.ReconException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TolerantMatchFunctionTest {

  private static final Duration WINDOW = Duration.ofDays(7);
  private static final Instant LEFT = at("2025-09-17T12:00:00Z");

  private KeyedOneInputStreamOperatorTestHarness<String, L1Leftover, Match> harness;

  @BeforeEach
  void open() throws Exception {
    harness = newHarness();
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, L1Leftover, Match> newHarness()
      throws Exception {
    return newHarness(ToleranceRuleSet.defaults());
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, L1Leftover, Match> newHarness(
      ToleranceRuleSet rules) throws Exception {
    KeyedOneInputStreamOperatorTestHarness<String, L1Leftover, Match> h =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new TolerantMatchFunction(WINDOW, rules)),
            new TolerantKeySelector(rules),
            Types.STRING);
    h.open();
    return h;
  }

  private static L1Leftover left(ExpectedPayment e, boolean referenceExpected, Instant at) {
    return L1Leftover.of(e, InputKeys.expectedByReference(e), referenceExpected, at.toEpochMilli());
  }

  private static L1Leftover left(PaymentEvent c, boolean referenceExpected, Instant at) {
    return L1Leftover.of(c, InputKeys.captureByReference(c), referenceExpected, at.toEpochMilli());
  }

  @Test
  void references_from_two_l1_keys_match_at_l2_when_the_first_is_due() throws Exception {
    arrive(
        harness,
        left(expected("exp-6", "ord-123 ", 7_000, "EUR", "2025-09-10T12:00:00Z"), true, LEFT));
    arrive(
        harness,
        left(
            capture("C6:CAPTURE", "ORD123", 7_000, 0, null, "2025-09-11T12:00:00Z"),
            false,
            LEFT.plus(Duration.ofDays(1))));
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);

    harness.processWatermark(new Watermark(LEFT.plus(WINDOW).toEpochMilli() - 1));
    assertThat(harness.extractOutputValues()).isEmpty();

    harness.processWatermark(new Watermark(LEFT.plus(WINDOW).toEpochMilli()));
    assertThat(harness.extractOutputValues())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.getLevel()).isEqualTo(MatchLevel.L2);
              assertThat(m.getRule()).isEqualTo("normalised-reference");
              assertThat(m.getConfidence()).isEqualTo(95);
              assertThat(m.getMembers())
                  .extracting(MatchMember::getRecordId)
                  .containsExactly("exp-6", "C6:CAPTURE");
            });
    assertThat(breaks(harness)).isEmpty();
    assertNothingLeft(harness);
  }

  @Test
  void what_l2_cannot_place_breaks_with_the_reason_l1_would_have_given() throws Exception {
    arrive(
        harness,
        left(expected("exp-2", "ORD-2", 5_000, "EUR", "2025-09-10T12:00:00Z"), true, LEFT));
    arrive(
        harness,
        left(capture("C2:CAPTURE", "ORD-2", 4_500, 0, null, "2025-09-11T12:00:00Z"), true, LEFT));
    arrive(
        harness,
        left(capture("C2b:CAPTURE", "ORD-2", 4_400, 0, null, "2025-09-12T12:00:00Z"), true, LEFT));
    arrive(
        harness,
        left(capture("C4:CAPTURE", "ORD-4", 3_000, 0, null, "2025-09-11T12:00:00Z"), false, LEFT));
    arrive(
        harness,
        left(expected("exp-3", "ORD-3", 2_000, "EUR", "2025-09-10T12:00:00Z"), true, LEFT));

    harness.processWatermark(Watermark.MAX_WATERMARK);

    Instant due = LEFT.plus(WINDOW);
    assertThat(harness.extractOutputValues()).isEmpty();
    assertThat(breaks(harness))
        .extracting(
            b -> b.getLevel().name(),
            ReconException::getReason,
            ReconException::getRecordId,
            ReconException::getAmountMinor,
            ReconException::getDetectedAt)
        .containsExactlyInAnyOrder(
            tuple("L1", "AMOUNT_MISMATCH", "exp-2", 500L, due),
            tuple("L1", "DUPLICATE", "C2b:CAPTURE", 4_400L, due),
            tuple("L1", "MISSING_EXPECTED", "C4:CAPTURE", 3_000L, due),
            tuple("L1", "MISSING_IN_PSP", "exp-3", 2_000L, due));
    assertNothingLeft(harness);
  }

  @Test
  void a_leftover_l1_let_go_after_the_decision_time_is_not_part_of_it() throws Exception {
    Instant later = LEFT.plus(WINDOW).plusSeconds(1);
    arrive(
        harness,
        left(expected("exp-6", "ORD-6", 7_000, "EUR", "2025-09-10T12:00:00Z"), true, LEFT));
    arrive(
        harness,
        left(capture("C6:CAPTURE", "ord6", 7_000, 0, null, "2025-09-11T12:00:00Z"), false, later));

    harness.processWatermark(new Watermark(LEFT.plus(WINDOW).toEpochMilli()));
    assertThat(breaks(harness))
        .extracting(ReconException::getReason, ReconException::getRecordId)
        .containsExactly(tuple("MISSING_IN_PSP", "exp-6"));
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);

    harness.processWatermark(new Watermark(later.plus(WINDOW).toEpochMilli()));
    assertThat(breaks(harness))
        .extracting(ReconException::getReason, ReconException::getRecordId)
        .containsExactly(tuple("MISSING_IN_PSP", "exp-6"), tuple("MISSING_EXPECTED", "C6:CAPTURE"));
    assertThat(harness.extractOutputValues()).isEmpty();
    assertNothingLeft(harness);
  }

  @Test
  void partial_captures_match_whatever_the_arrival_order() throws Exception {
    List<L1Leftover> leftovers =
        List.of(
            left(expected("exp-7", "ORD-7", 8_000, "EUR", "2025-09-10T12:00:00Z"), true, LEFT),
            left(
                capture("C7a:CAPTURE", "ORD-7", 5_000, 0, null, "2025-09-11T12:00:00Z"),
                true,
                LEFT),
            left(
                capture("C7b:CAPTURE", "ORD-7", 3_000, 0, null, "2025-09-12T12:00:00Z"),
                true,
                LEFT),
            left(
                capture("C7c:CAPTURE", "ord 7", 1_000, 0, null, "2025-09-12T12:00:00Z"),
                false,
                LEFT.plusSeconds(60)));
    List<Object> first = null;
    for (List<L1Leftover> order : Permutations.of(leftovers)) {
      KeyedOneInputStreamOperatorTestHarness<String, L1Leftover, Match> h = newHarness();
      try {
        for (L1Leftover l : order) {
          arrive(h, l);
        }
        h.processWatermark(Watermark.MAX_WATERMARK);
        List<Object> outcome = new ArrayList<>(h.extractOutputValues());
        outcome.addAll(breaks(h));
        if (first == null) {
          first = outcome;
          assertThat(h.extractOutputValues())
              .singleElement()
              .satisfies(
                  m ->
                      assertThat(m.getMembers())
                          .extracting(MatchMember::getRecordId)
                          .containsExactly("exp-7", "C7a:CAPTURE", "C7b:CAPTURE"));
          assertThat(breaks(h))
              .extracting(ReconException::getReason, ReconException::getRecordId)
              .containsExactly(tuple("MISSING_EXPECTED", "C7c:CAPTURE"));
        }
        assertThat(outcome).as("order %s", order).isEqualTo(first);
        assertNothingLeft(h);
      } finally {
        h.close();
      }
    }
  }

  @Test
  void without_rules_every_leftover_breaks_as_at_l1() throws Exception {
    KeyedOneInputStreamOperatorTestHarness<String, L1Leftover, Match> off =
        newHarness(ToleranceRuleSet.none());
    try {
      arrive(
          off,
          left(expected("exp-6", "ord-123 ", 7_000, "EUR", "2025-09-10T12:00:00Z"), true, LEFT));
      arrive(
          off,
          left(
              capture("C6:CAPTURE", "ORD123", 7_000, 0, null, "2025-09-11T12:00:00Z"),
              false,
              LEFT));

      off.processWatermark(Watermark.MAX_WATERMARK);

      assertThat(off.extractOutputValues()).isEmpty();
      assertThat(breaks(off))
          .extracting(ReconException::getReason, ReconException::getRecordId)
          .containsExactlyInAnyOrder(
              tuple("MISSING_IN_PSP", "exp-6"), tuple("MISSING_EXPECTED", "C6:CAPTURE"));
      assertNothingLeft(off);
    } finally {
      off.close();
    }
  }

  @Test
  void a_crowded_key_is_decided_at_once_and_forgotten() throws Exception {
    for (int i = 0; i <= TolerantMatchFunction.MAX_LEFTOVERS_PER_KEY; i++) {
      arrive(
          harness,
          left(expected("exp-" + i, "ORD-1", 100 + i, "EUR", "2025-09-10T12:00:00Z"), true, LEFT));
    }

    assertThat(breaks(harness))
        .hasSize(TolerantMatchFunction.MAX_LEFTOVERS_PER_KEY + 1)
        .allSatisfy(b -> assertThat(b.getReason()).isEqualTo("MISSING_IN_PSP"));
    assertNothingLeft(harness);
  }

  private static void arrive(
      KeyedOneInputStreamOperatorTestHarness<String, L1Leftover, Match> h, L1Leftover l)
      throws Exception {
    h.processElement(new StreamRecord<>(l, l.leftAtMillis));
  }

  private static List<ReconException> breaks(
      KeyedOneInputStreamOperatorTestHarness<String, L1Leftover, Match> h) {
    return HarnessOutputs.breaks(h);
  }

  private static void assertNothingLeft(
      KeyedOneInputStreamOperatorTestHarness<String, L1Leftover, Match> h) {
    assertThat(h.numKeyedStateEntries()).isZero();
    assertThat(h.numEventTimeTimers()).isZero();
  }
}
