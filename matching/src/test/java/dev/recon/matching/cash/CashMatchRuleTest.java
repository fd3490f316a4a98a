package dev.recon.matching.cash;

import static dev.recon.matching.SampleRecords.at;
import static dev.recon.matching.SampleRecords.bankLine;
import static dev.recon.matching.SampleRecords.payout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.recon.matching.Permutations;
import dev.recon.matching.model.Break;
import dev.recon.matching.model.BreakReason;
import dev.recon.matching.model.MatchRule;
import dev.recon.matching.model.MatchedSet;
import dev.recon.matching.model.Payout;
import dev.recon.matching.model.ReconRecord;
import dev.recon.matching.model.StatementLine;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.RecordKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CashMatchRuleTest {

  private static final Duration WINDOW = Duration.ofDays(7);

  /** Payouts on 2025-09-25 unless said otherwise. */
  private static Payout payoutOf(String id, String bankReference, String time) {
    return Payout.from(payout(id, id.split(":", -1)[0], 11_920, bankReference, time));
  }

  private static Payout payoutOf(String id) {
    return payoutOf(id, "TX" + id + "REFERENCE", "2025-09-25T15:17:00Z");
  }

  private static StatementLine lineOf(String id, String valueDate, String remittance) {
    return StatementLine.from(bankLine(id, 11_920, valueDate, valueDate, remittance));
  }

  @Test
  void reference_on_the_line_is_an_amount_reference_match_whatever_the_date() {
    Payout payout = payoutOf("1128:EUR", "TX53913667600XT batch 1128", "2025-09-25T15:17:00Z");

    CashCandidate c =
        CashMatchRule.evidence(payout, lineOf("L1", "2025-10-20", "TX53913667600XT")).orElseThrow();

    assertThat(c.rule()).isEqualTo(MatchRule.AMOUNT_REFERENCE);
    assertThat(c.rule().confidence()).isEqualTo(100);
    assertThat(c.dayDistance()).isEqualTo(25);
  }

  @Test
  void value_date_window_is_one_day_before_to_five_days_after_the_payout() {
    Payout payout = payoutOf("1128:EUR");

    assertThat(CashMatchRule.evidence(payout, lineOf("L", "2025-09-23", "X"))).isEmpty();
    assertThat(CashMatchRule.evidence(payout, lineOf("L", "2025-09-24", "X")).orElseThrow().rule())
        .isEqualTo(MatchRule.AMOUNT_VALUE_DATE);
    assertThat(CashMatchRule.evidence(payout, lineOf("L", "2025-09-30", "X")).orElseThrow().rule())
        .isEqualTo(MatchRule.AMOUNT_VALUE_DATE);
    assertThat(CashMatchRule.evidence(payout, lineOf("L", "2025-10-01", "X"))).isEmpty();
  }

  @Test
  void on_arrival_a_reference_match_is_made_at_once() {
    Payout payout = payoutOf("1128:EUR", "TX53913667600XT", "2025-09-25T15:17:00Z");

    CashDecision d =
        CashMatchRule.onArrival(
            List.of(payout), List.of(lineOf("L1", "2025-10-20", "ADYEN TX53913667600XT")));

    assertThat(d.settled()).isTrue();
    assertThat(d.matches())
        .singleElement()
        .extracting(MatchedSet::rule)
        .isEqualTo(MatchRule.AMOUNT_REFERENCE);
  }

  @Test
  void on_arrival_a_lone_pair_in_the_date_window_matches_with_confidence_70() {
    CashDecision d =
        CashMatchRule.onArrival(
            List.of(payoutOf("1129:EUR")), List.of(lineOf("L2", "2025-09-26", "ADYEN PAYOUT")));

    assertThat(d.settled()).isTrue();
    MatchedSet match = d.matches().get(0);
    assertThat(match.rule()).isEqualTo(MatchRule.AMOUNT_VALUE_DATE);
    assertThat(match.rule().confidence()).isEqualTo(70);
    assertThat(match.rule().level()).isEqualTo(MatchLevel.L4);
    assertThat(match.members()).extracting(ReconRecord::recordId).containsExactly("1129:EUR", "L2");
  }

  @Test
  void on_arrival_an_ambiguous_date_match_waits() {
    CashDecision d =
        CashMatchRule.onArrival(
            List.of(payoutOf("A:EUR"), payoutOf("B:EUR")),
            List.of(lineOf("L2", "2025-09-26", "ADYEN PAYOUT")));

    assertThat(d.matches()).isEmpty();
    assertThat(d.breaks()).isEmpty();
    assertThat(d.openPayouts()).hasSize(2);
    assertThat(d.openLines()).hasSize(1);
  }

  @Test
  void at_expiry_reference_beats_nearer_date_then_nearest_date_then_smallest_id() {
    Payout a = payoutOf("A:EUR");
    Payout b = payoutOf("B:EUR");
    Payout c = payoutOf("C:EUR");
    StatementLine carriesC = lineOf("L-ref", "2025-09-29", "TXC:EURREFERENCE");
    StatementLine sameDay = lineOf("L-near", "2025-09-25", "ADYEN");
    StatementLine later = lineOf("L-far", "2025-09-27", "ADYEN");

    CashDecision d =
        CashMatchRule.onExpiry(
            List.of(a, b, c),
            List.of(carriesC, sameDay, later),
            at("2025-09-26T00:00:00Z"),
            WINDOW);

    assertThat(d.matches())
        .extracting(m -> m.members().get(0).recordId() + "=" + m.members().get(1).recordId())
        .containsExactly("C:EUR=L-ref", "A:EUR=L-near", "B:EUR=L-far");
    assertThat(d.settled()).isTrue();
  }

  @Test
  void payout_alone_is_missing_in_bank_when_its_own_window_ends() {
    Payout payout = payoutOf("1130:EUR");

    CashDecision before =
        CashMatchRule.onExpiry(List.of(payout), List.of(), at("2025-10-02T15:16:59Z"), WINDOW);
    CashDecision after =
        CashMatchRule.onExpiry(List.of(payout), List.of(), at("2025-10-02T15:17:00Z"), WINDOW);

    assertThat(before.breaks()).isEmpty();
    assertThat(before.openPayouts()).containsExactly(payout);
    assertThat(CashMatchRule.nextExpiry(before, WINDOW)).contains(at("2025-10-02T15:17:00Z"));
    Break b = after.breaks().get(0);
    assertThat(b.reason()).isEqualTo(BreakReason.MISSING_IN_BANK);
    assertThat(b.level()).isEqualTo(MatchLevel.L4);
    assertThat(b.recordKind()).isEqualTo(RecordKind.PAYOUT);
    assertThat(b.recordId()).isEqualTo("1130:EUR");
    assertThat(b.amountMinor()).isEqualTo(11_920);
    assertThat(b.recordTime()).isEqualTo(at("2025-09-25T15:17:00Z"));
    assertThat(b.detectedAt()).isEqualTo(at("2025-10-02T15:17:00Z"));
    assertThat(after.settled()).isTrue();
    assertThat(CashMatchRule.nextExpiry(after, WINDOW)).isEmpty();
  }

  @Test
  void bank_line_alone_is_an_unmatched_bank_line() {
    StatementLine rent =
        StatementLine.from(bankLine("L3", -150_000, "2025-09-28", "2025-09-28", "RENT"));

    CashDecision d =
        CashMatchRule.onExpiry(List.of(), List.of(rent), at("2025-10-05T00:00:00Z"), WINDOW);

    Break b = d.breaks().get(0);
    assertThat(b.reason()).isEqualTo(BreakReason.UNMATCHED_BANK_LINE);
    assertThat(b.recordKind()).isEqualTo(RecordKind.BANK_LINE);
    assertThat(b.amountMinor()).isEqualTo(150_000);
    assertThat(b.detectedAt()).isEqualTo(at("2025-10-05T00:00:00Z"));
  }

  @Test
  void expiry_decision_does_not_depend_on_arrival_order() {
    List<ReconRecord> records =
        List.of(
            payoutOf("A:EUR"),
            payoutOf("B:EUR"),
            payoutOf("C:EUR", "NOTHING", "2025-09-10T00:00:00Z"),
            lineOf("L1", "2025-09-25", "ADYEN"),
            lineOf("L2", "2025-09-25", "ADYEN"),
            lineOf("L3", "2025-09-26", "TXB:EURREFERENCE"));
    CashDecision first = null;
    for (List<ReconRecord> order : Permutations.of(records)) {
      List<Payout> payouts = new ArrayList<>();
      List<StatementLine> lines = new ArrayList<>();
      for (ReconRecord record : order) {
        if (record instanceof Payout p) {
          payouts.add(p);
        } else {
          lines.add((StatementLine) record);
        }
      }
      CashDecision d = CashMatchRule.onExpiry(payouts, lines, at("2025-12-01T00:00:00Z"), WINDOW);
      if (first == null) {
        first = d;
      }
      assertThat(d).isEqualTo(first);
    }
    assertThat(first.matches())
        .extracting(m -> m.members().get(0).recordId() + "=" + m.members().get(1).recordId())
        .containsExactly("B:EUR=L3", "A:EUR=L1");
    assertThat(first.breaks())
        .extracting(Break::reason, Break::recordId)
        .containsExactlyInAnyOrder(
            tuple(BreakReason.MISSING_IN_BANK, "C:EUR"),
            tuple(BreakReason.UNMATCHED_BANK_LINE, "L2"));
  }

  @Test
  void overflow_weighs_all_candidates_and_breaks_the_rest_at_once() {
    CashDecision d =
        CashMatchRule.onOverflow(
            List.of(payoutOf("A:EUR"), payoutOf("B:EUR")),
            List.of(lineOf("L1", "2025-09-25", "ADYEN")),
            at("2025-09-26T00:00:00Z"));

    assertThat(d.matches()).hasSize(1);
    assertThat(d.breaks()).singleElement().extracting(Break::recordId).isEqualTo("B:EUR");
    assertThat(d.breaks().get(0).detectedAt()).isEqualTo(at("2025-09-26T00:00:00Z"));
    assertThat(d.settled()).isTrue();
    assertThat(CashMatchRule.overflows(CashMatchRule.MAX_OPEN_RECORDS_PER_KEY, 0)).isFalse();
    assertThat(CashMatchRule.overflows(CashMatchRule.MAX_OPEN_RECORDS_PER_KEY, 1)).isTrue();
  }

  @Test
  void keys_separate_tenant_currency_and_signed_amount() {
    assertThat(CashKey.of("t", "EUR", 100))
        .isNotEqualTo(CashKey.of("t", "EUR", -100))
        .isNotEqualTo(CashKey.of("t", "USD", 100))
        .isNotEqualTo(CashKey.of("u", "EUR", 100))
        .isEqualTo(CashKey.of("t", "EUR", 100));
  }
}
