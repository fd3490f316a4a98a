package dev.recon.matching.exact;

import static dev.recon.matching.SampleRecords.at;
import static dev.recon.matching.SampleRecords.capture;
import static dev.recon.matching.SampleRecords.expected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.recon.matching.Permutations;
import dev.recon.matching.model.Break;
import dev.recon.matching.model.BreakReason;
import dev.recon.matching.model.Expectation;
import dev.recon.matching.model.MatchRule;
import dev.recon.matching.model.MatchedSet;
import dev.recon.matching.model.PspTransaction;
import dev.recon.matching.model.ReconRecord;
import dev.recon.matching.model.Resolution;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.PaymentEventType;
import dev.recon.schemas.RecordKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExactMatchRuleTest {

  private static final Instant DETECTED = at("2025-09-20T00:00:00Z");

  private static Expectation exp(String id, long amount, String currency) {
    return Expectation.from(expected(id, "ORD-1", amount, currency, "2025-09-10T00:00:00Z"));
  }

  private static PspTransaction cap(String id, long gross, String currency, String time) {
    PaymentEvent event = capture(id, "ORD-1", gross, 0, "1128", time);
    event.setGrossCurrency(currency);
    event.setNetCurrency(currency);
    return PspTransaction.from(event);
  }

  private static PspTransaction cap(String id, long gross) {
    return cap(id, gross, "EUR", "2025-09-11T00:00:00Z");
  }

  @Test
  void only_captures_take_part() {
    assertThat(ExactMatchRule.takesPart(PaymentEventType.CAPTURE)).isTrue();
    for (PaymentEventType other :
        List.of(
            PaymentEventType.REFUND,
            PaymentEventType.CHARGEBACK,
            PaymentEventType.CHARGEBACK_REVERSAL,
            PaymentEventType.FEE,
            PaymentEventType.ADJUSTMENT,
            PaymentEventType.PAYOUT)) {
      assertThat(ExactMatchRule.takesPart(other)).as(other.name()).isFalse();
    }
  }

  @Test
  void one_expected_and_one_agreeing_capture_match_on_arrival() {
    Optional<MatchedSet> match =
        ExactMatchRule.onArrival(List.of(exp("exp-1", 100, "EUR")), List.of(cap("C1", 100)));

    assertThat(match).isPresent();
    assertThat(match.get().rule()).isEqualTo(MatchRule.EXACT_REFERENCE);
    assertThat(match.get().rule().confidence()).isEqualTo(100);
    assertThat(match.get().members())
        .extracting(ReconRecord::recordId)
        .containsExactly("exp-1", "C1");
  }

  @Test
  void anything_but_one_agreeing_pair_waits_on_arrival() {
    assertThat(ExactMatchRule.onArrival(List.of(exp("exp-1", 100, "EUR")), List.of())).isEmpty();
    assertThat(ExactMatchRule.onArrival(List.of(exp("exp-1", 100, "EUR")), List.of(cap("C1", 99))))
        .isEmpty();
    assertThat(
            ExactMatchRule.onArrival(
                List.of(exp("exp-1", 100, "EUR")),
                List.of(cap("C1", 100, "USD", "2025-09-11T00:00:00Z"))))
        .isEmpty();
    assertThat(
            ExactMatchRule.onArrival(
                List.of(exp("exp-1", 100, "EUR")), List.of(cap("C1", 100), cap("C2", 100))))
        .isEmpty();
  }

  @Test
  void expected_alone_is_missing_in_psp() {
    Resolution r = ExactMatchRule.onExpiry(List.of(exp("exp-1", 100, "EUR")), List.of(), DETECTED);

    assertThat(r.matches()).isEmpty();
    Break b = single(r);
    assertThat(b.reason()).isEqualTo(BreakReason.MISSING_IN_PSP);
    assertThat(b.level()).isEqualTo(MatchLevel.L1);
    assertThat(b.recordKind()).isEqualTo(RecordKind.EXPECTED);
    assertThat(b.recordId()).isEqualTo("exp-1");
    assertThat(b.amountMinor()).isEqualTo(100);
    assertThat(b.recordTime()).isEqualTo(at("2025-09-10T00:00:00Z"));
    assertThat(b.detectedAt()).isEqualTo(DETECTED);
  }

  @Test
  void capture_alone_is_missing_expected() {
    Break b = single(ExactMatchRule.onExpiry(List.of(), List.of(cap("C1", 100)), DETECTED));

    assertThat(b.reason()).isEqualTo(BreakReason.MISSING_EXPECTED);
    assertThat(b.recordKind()).isEqualTo(RecordKind.PSP_TXN);
    assertThat(b.recordId()).isEqualTo("C1");
    assertThat(b.amountMinor()).isEqualTo(100);
    assertThat(b.recordTime()).isEqualTo(at("2025-09-11T00:00:00Z"));
  }

  @Test
  void different_currency_is_a_currency_mismatch_on_the_expected_payment() {
    Break b =
        single(
            ExactMatchRule.onExpiry(
                List.of(exp("exp-1", 100, "EUR")),
                List.of(cap("C1", 100, "USD", "2025-09-11T00:00:00Z")),
                DETECTED));

    assertThat(b.reason()).isEqualTo(BreakReason.CURRENCY_MISMATCH);
    assertThat(b.recordId()).isEqualTo("exp-1");
    assertThat(b.amountMinor()).isEqualTo(100);
    assertThat(b.detail()).contains("C1").contains("USD");
  }

  @Test
  void different_amount_is_an_amount_mismatch_of_the_difference() {
    Break b =
        single(
            ExactMatchRule.onExpiry(
                List.of(exp("exp-1", 5_000, "EUR")), List.of(cap("C1", 4_500)), DETECTED));

    assertThat(b.reason()).isEqualTo(BreakReason.AMOUNT_MISMATCH);
    assertThat(b.amountMinor()).isEqualTo(500);
    assertThat(b.currency()).isEqualTo("EUR");
    assertThat(b.detail()).contains("C1");
  }

  @Test
  void extra_captures_on_an_expected_reference_are_duplicates_earliest_capture_matched() {
    PspTransaction later = cap("C-A", 100, "EUR", "2025-09-12T00:00:00Z");
    PspTransaction earlier = cap("C-B", 100, "EUR", "2025-09-11T00:00:00Z");

    Resolution r =
        ExactMatchRule.onExpiry(
            List.of(exp("exp-1", 100, "EUR")), List.of(later, earlier), DETECTED);

    assertThat(r.matches()).hasSize(1);
    assertThat(r.matches().get(0).members())
        .extracting(ReconRecord::recordId)
        .containsExactly("exp-1", "C-B");
    Break b = single(r);
    assertThat(b.reason()).isEqualTo(BreakReason.DUPLICATE);
    assertThat(b.recordId()).isEqualTo("C-A");
  }

  @Test
  void same_time_captures_are_chosen_by_id() {
    Resolution r =
        ExactMatchRule.onExpiry(
            List.of(exp("exp-1", 100, "EUR")), List.of(cap("C-2", 100), cap("C-1", 100)), DETECTED);

    assertThat(r.matches().get(0).members()).extracting(ReconRecord::recordId).contains("C-1");
    assertThat(single(r).recordId()).isEqualTo("C-2");
  }

  @Test
  void exact_pairs_are_found_before_mismatches_are_paired() {
    Expectation small = exp("exp-a", 100, "EUR");
    Expectation large = exp("exp-b", 900, "EUR");
    PspTransaction matchesLarge = cap("C-early", 900, "EUR", "2025-09-11T00:00:00Z");
    PspTransaction odd = cap("C-late", 150, "EUR", "2025-09-12T00:00:00Z");

    Resolution r =
        ExactMatchRule.onExpiry(List.of(small, large), List.of(matchesLarge, odd), DETECTED);

    assertThat(r.matches()).hasSize(1);
    assertThat(r.matches().get(0).members())
        .extracting(ReconRecord::recordId)
        .containsExactly("exp-b", "C-early");
    Break b = single(r);
    assertThat(b.reason()).isEqualTo(BreakReason.AMOUNT_MISMATCH);
    assertThat(b.recordId()).isEqualTo("exp-a");
    assertThat(b.amountMinor()).isEqualTo(50);
  }

  @Test
  void more_expected_than_captures_leaves_the_rest_missing_in_psp() {
    Resolution r =
        ExactMatchRule.onExpiry(
            List.of(exp("exp-1", 100, "EUR"), exp("exp-2", 100, "EUR")),
            List.of(cap("C1", 100)),
            DETECTED);

    assertThat(r.matches()).hasSize(1);
    assertThat(single(r).reason()).isEqualTo(BreakReason.MISSING_IN_PSP);
    assertThat(single(r).recordId()).isEqualTo("exp-2");
  }

  @Test
  void expiry_decision_does_not_depend_on_arrival_order() {
    List<ReconRecord> records =
        List.of(
            exp("exp-1", 100, "EUR"),
            exp("exp-2", 250, "EUR"),
            cap("C1", 250, "EUR", "2025-09-12T00:00:00Z"),
            cap("C2", 100, "EUR", "2025-09-12T00:00:00Z"),
            cap("C3", 100, "EUR", "2025-09-11T00:00:00Z"),
            cap("C4", 70, "USD", "2025-09-11T00:00:00Z"));
    Resolution first = null;
    for (List<ReconRecord> order : Permutations.of(records)) {
      List<Expectation> expected = new ArrayList<>();
      List<PspTransaction> captures = new ArrayList<>();
      for (ReconRecord record : order) {
        if (record instanceof Expectation e) {
          expected.add(e);
        } else {
          captures.add((PspTransaction) record);
        }
      }
      Resolution r = ExactMatchRule.onExpiry(expected, captures, DETECTED);
      if (first == null) {
        first = r;
      }
      assertThat(r).isEqualTo(first);
    }
    assertThat(first.matches()).hasSize(2);
    assertThat(first.breaks())
        .extracting(Break::reason, Break::recordId)
        .containsExactly(tuple(BreakReason.DUPLICATE, "C4"), tuple(BreakReason.DUPLICATE, "C2"));
  }

  @Test
  void expire_matches_exact_pairs_breaks_currency_mismatches_and_leaves_the_rest_for_l2() {
    ExactMatchRule.Expiry expiry =
        ExactMatchRule.expire(
            List.of(exp("exp-1", 100, "EUR"), exp("exp-2", 200, "USD"), exp("exp-3", 300, "EUR")),
            List.of(
                cap("C-1", 100),
                cap("C-2", 250, "EUR", "2025-09-11T01:00:00Z"),
                cap("C-3", 999, "EUR", "2025-09-11T02:00:00Z"),
                cap("C-4", 5, "EUR", "2025-09-11T03:00:00Z")),
            DETECTED);

    assertThat(expiry.matches())
        .singleElement()
        .satisfies(
            m ->
                assertThat(m.members())
                    .extracting(ReconRecord::recordId)
                    .containsExactly("exp-1", "C-1"));
    assertThat(expiry.breaks())
        .extracting(Break::reason, Break::recordId)
        .containsExactly(tuple(BreakReason.CURRENCY_MISMATCH, "exp-2"));
    assertThat(expiry.leftExpected()).extracting(Expectation::expectedId).containsExactly("exp-3");
    assertThat(expiry.leftCaptures())
        .extracting(PspTransaction::eventId)
        .containsExactly("C-3", "C-4");
    assertThat(expiry.referenceExpected()).isTrue();
  }

  @Test
  void breaks_for_leftovers_are_the_breaks_on_expiry_would_have_raised() {
    List<Expectation> expected = List.of(exp("exp-1", 100, "EUR"), exp("exp-2", 200, "EUR"));
    List<PspTransaction> captures = List.of(cap("C-1", 90));

    assertThat(ExactMatchRule.breaksFor(expected, captures, true, DETECTED))
        .isEqualTo(ExactMatchRule.onExpiry(expected, captures, DETECTED).breaks());
    assertThat(ExactMatchRule.breaksFor(List.of(), captures, false, DETECTED))
        .extracting(Break::reason)
        .containsExactly(BreakReason.MISSING_EXPECTED);
    assertThat(ExactMatchRule.breaksFor(List.of(), captures, true, DETECTED))
        .extracting(Break::reason)
        .containsExactly(BreakReason.DUPLICATE);
  }

  @Test
  void the_same_payment_charged_twice_is_a_duplicate_naming_both_captures() {
    Resolution r =
        ExactMatchRule.onExpiry(
            List.of(exp("exp-1", 100, "EUR")),
            List.of(cap("C2", 100, "EUR", "2025-09-11T10:00:00Z"), cap("C1", 100)),
            DETECTED);

    assertThat(r.matches()).hasSize(1);
    Break duplicate = single(r);
    assertThat(duplicate.reason()).isEqualTo(BreakReason.DUPLICATE);
    assertThat(duplicate.recordId()).isEqualTo("C2");
    assertThat(duplicate.detail())
        .contains("the same payment charged again", "capture C2", "duplicates capture C1");
  }

  @Test
  void a_capture_reported_before_and_after_settlement_is_one_capture() {
    PaymentEvent webhook = capture("C1", "ORD-1", 100, 0, null, "2025-09-11T00:00:00Z");
    PspTransaction unsettled = PspTransaction.from(webhook);
    PspTransaction settled = cap("C1", 100);

    assertThat(ExactMatchRule.distinctCaptures(List.of(unsettled, settled)))
        .containsExactly(settled);
    assertThat(
            ExactMatchRule.onArrival(
                List.of(exp("exp-1", 100, "EUR")), List.of(settled, unsettled)))
        .isPresent();
    Resolution r =
        ExactMatchRule.onExpiry(
            List.of(exp("exp-1", 100, "EUR")), List.of(unsettled, settled), DETECTED);
    assertThat(r.breaks()).isEmpty();
    assertThat(r.matches()).hasSize(1);
  }

  private static Break single(Resolution r) {
    assertThat(r.breaks()).hasSize(1);
    return r.breaks().get(0);
  }
}
