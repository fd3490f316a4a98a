package dev.recon.matching.settlement;

import static dev.recon.matching.SampleRecords.at;
import static dev.recon.matching.SampleRecords.capture;
import static dev.recon.matching.SampleRecords.payout;
import static dev.recon.matching.SampleRecords.pspRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.matching.Permutations;
import dev.recon.matching.model.Break;
import dev.recon.matching.model.BreakReason;
import dev.recon.matching.model.MatchRule;
import dev.recon.matching.model.MatchedSet;
import dev.recon.matching.model.Payout;
import dev.recon.matching.model.PspTransaction;
import dev.recon.matching.model.ReconRecord;
import dev.recon.matching.model.Resolution;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.PaymentEventType;
import dev.recon.schemas.RecordKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettlementRuleTest {

  private static final Instant DETECTED = at("2025-10-02T15:17:00Z");

  // Nets: 9750 + 4370 - 2000 - 2500 - 600 = 9020
  private final PspTransaction capture1 =
      PspTransaction.from(
          capture("C1:CAPTURE", "ORD-1", 10_000, 250, "1128", "2025-09-11T08:00:00Z"));
  private final PspTransaction capture2 =
      PspTransaction.from(
          capture("C2:CAPTURE", "ORD-2", 4_500, 130, "1128", "2025-09-11T09:00:00Z"));
  private final PspTransaction refund =
      PspTransaction.from(
          pspRow(
              PaymentEventType.REFUND,
              "R1:REFUND",
              "ORD-1",
              -2_000,
              0,
              "1128",
              "2025-09-12T10:00:00Z"));
  private final PspTransaction chargeback =
      PspTransaction.from(
          pspRow(
              PaymentEventType.CHARGEBACK,
              "CB1:CHARGEBACK",
              "ORD-9",
              -1_500,
              1_000,
              "1128",
              "2025-09-12T11:00:00Z"));
  private final PspTransaction fee =
      PspTransaction.from(
          pspRow(PaymentEventType.FEE, "F1:FEE", null, -600, 0, "1128", "2025-09-12T12:00:00Z"));
  private final List<PspTransaction> rows = List.of(capture1, capture2, refund, chargeback, fee);

  private static Payout payoutOf(String id, long amount, String time) {
    return Payout.from(payout(id, "1128", amount, "TX539 batch 1128", time));
  }

  private static BatchTotals totals(List<PspTransaction> rows) {
    BatchTotals totals = BatchTotals.EMPTY;
    for (PspTransaction row : rows) {
      totals = totals.plus(row.netMinor());
    }
    return totals;
  }

  @Test
  void batch_balances_when_one_payout_equals_the_net_sum() {
    Payout payout = payoutOf("1128:EUR", 9_020, "2025-09-25T15:17:00Z");

    assertThat(SettlementRule.balancingPayout(totals(rows), List.of(payout))).contains(payout);
    assertThat(SettlementRule.balancingPayout(totals(rows.subList(0, 4)), List.of(payout)))
        .isEmpty();
    assertThat(SettlementRule.balancingPayout(BatchTotals.EMPTY, List.of(payout))).isEmpty();
    assertThat(SettlementRule.balancingPayout(totals(rows), List.of())).isEmpty();
    assertThat(
            SettlementRule.balancingPayout(
                totals(rows), List.of(payout, payoutOf("again", 9_020, "2025-09-25T15:18:00Z"))))
        .isEmpty();
  }

  @Test
  void batch_match_lists_every_row_in_event_time_order_then_the_payout() {
    Payout payout = payoutOf("1128:EUR", 9_020, "2025-09-25T15:17:00Z");

    MatchedSet match =
        SettlementRule.match(List.of(fee, refund, capture2, chargeback, capture1), payout);

    assertThat(match.rule()).isEqualTo(MatchRule.BATCH_NET_SUM);
    assertThat(match.rule().level()).isEqualTo(MatchLevel.L3);
    assertThat(match.members())
        .extracting(ReconRecord::recordId)
        .containsExactly(
            "C1:CAPTURE", "C2:CAPTURE", "R1:REFUND", "CB1:CHARGEBACK", "F1:FEE", "1128:EUR");
  }

  @Test
  void payout_below_the_net_sum_is_short_by_the_difference_naming_the_rows() {
    Break b =
        single(
            SettlementRule.onExpiry(
                rows, List.of(payoutOf("1128:EUR", 8_000, "2025-09-25T15:17:00Z")), DETECTED));

    assertThat(b.reason()).isEqualTo(BreakReason.PAYOUT_SHORT);
    assertThat(b.level()).isEqualTo(MatchLevel.L3);
    assertThat(b.recordKind()).isEqualTo(RecordKind.PAYOUT);
    assertThat(b.recordId()).isEqualTo("1128:EUR");
    assertThat(b.amountMinor()).isEqualTo(1_020);
    assertThat(b.recordTime()).isEqualTo(at("2025-09-25T15:17:00Z"));
    assertThat(b.detectedAt()).isEqualTo(DETECTED);
    assertThat(b.detail())
        .contains("9020")
        .contains("C1:CAPTURE", "C2:CAPTURE", "R1:REFUND", "CB1:CHARGEBACK", "F1:FEE");
  }

  @Test
  void payout_above_the_net_sum_is_excess_by_the_difference() {
    Break b =
        single(
            SettlementRule.onExpiry(
                rows, List.of(payoutOf("1128:EUR", 9_100, "2025-09-25T15:17:00Z")), DETECTED));

    assertThat(b.reason()).isEqualTo(BreakReason.PAYOUT_EXCESS);
    assertThat(b.amountMinor()).isEqualTo(80);
  }

  @Test
  void rows_without_a_payout_are_a_missing_payout_named_by_batch() {
    Break b = single(SettlementRule.onExpiry(rows, List.of(), DETECTED));

    assertThat(b.reason()).isEqualTo(BreakReason.MISSING_PAYOUT);
    assertThat(b.recordKind()).isEqualTo(RecordKind.PAYOUT);
    assertThat(b.recordId()).isEqualTo("1128");
    assertThat(b.amountMinor()).isEqualTo(9_020);
    assertThat(b.currency()).isEqualTo("EUR");
    assertThat(b.recordTime()).isEqualTo(at("2025-09-12T12:00:00Z"));
    assertThat(b.detail()).contains("adyen").contains("C1:CAPTURE");
  }

  @Test
  void payout_without_rows_is_unexplained() {
    Break b =
        single(
            SettlementRule.onExpiry(
                List.of(), List.of(payoutOf("1130:EUR", 7_000, "2025-09-27T00:00:00Z")), DETECTED));

    assertThat(b.reason()).isEqualTo(BreakReason.PAYOUT_UNEXPLAINED);
    assertThat(b.recordId()).isEqualTo("1130:EUR");
    assertThat(b.amountMinor()).isEqualTo(7_000);
  }

  @Test
  void a_second_payout_is_a_duplicate_and_the_first_still_matches() {
    Resolution r =
        SettlementRule.onExpiry(
            rows,
            List.of(
                payoutOf("1128:EUR:again", 9_020, "2025-09-26T00:00:00Z"),
                payoutOf("1128:EUR", 9_020, "2025-09-25T15:17:00Z")),
            DETECTED);

    assertThat(r.matches()).hasSize(1);
    assertThat(r.matches().get(0).members()).extracting(ReconRecord::recordId).contains("1128:EUR");
    Break b = single(r);
    assertThat(b.reason()).isEqualTo(BreakReason.DUPLICATE);
    assertThat(b.recordId()).isEqualTo("1128:EUR:again");
  }

  @Test
  void expiry_decision_does_not_depend_on_arrival_order() {
    Payout payout = payoutOf("1128:EUR", 8_000, "2025-09-25T15:17:00Z");
    List<ReconRecord> records = new ArrayList<>(rows);
    records.add(payout);
    Resolution first = null;
    for (List<ReconRecord> order : Permutations.of(records)) {
      List<PspTransaction> orderedRows = new ArrayList<>();
      List<Payout> payouts = new ArrayList<>();
      for (ReconRecord record : order) {
        if (record instanceof Payout p) {
          payouts.add(p);
        } else {
          orderedRows.add((PspTransaction) record);
        }
      }
      Resolution r = SettlementRule.onExpiry(orderedRows, payouts, DETECTED);
      if (first == null) {
        first = r;
      }
      assertThat(r).isEqualTo(first);
    }
    assertThat(single(first).reason()).isEqualTo(BreakReason.PAYOUT_SHORT);
  }

  @Test
  void totals_never_wrap_around() {
    BatchTotals nearMax = new BatchTotals(1, Long.MAX_VALUE - 1);

    assertThatThrownBy(() -> nearMax.plus(2)).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void a_batch_overflows_past_its_row_or_payout_limit() {
    assertThat(SettlementRule.overflows(new BatchTotals(SettlementRule.MAX_ROWS_PER_BATCH, 0), 1))
        .isFalse();
    assertThat(
            SettlementRule.overflows(new BatchTotals(SettlementRule.MAX_ROWS_PER_BATCH + 1, 0), 1))
        .isTrue();
    assertThat(
            SettlementRule.overflows(BatchTotals.EMPTY, SettlementRule.MAX_PAYOUTS_PER_BATCH + 1))
        .isTrue();
  }

  @Test
  void only_rows_with_a_batch_id_take_part() {
    assertThat(SettlementKey.hasBatch("1128")).isTrue();
    assertThat(SettlementKey.hasBatch(" ")).isFalse();
    assertThat(SettlementKey.hasBatch(null)).isFalse();
    assertThat(SettlementKey.of("t", "adyen", " 1128 ", "EUR"))
        .isEqualTo(SettlementKey.of("t", "adyen", "1128", "EUR"))
        .isNotEqualTo(SettlementKey.of("t", "adyen", "1128", "CAD"))
        .isNotEqualTo(SettlementKey.of("t", "stripe", "1128", "EUR"));
  }

  private static Break single(Resolution r) {
    assertThat(r.matches()).hasSizeLessThanOrEqualTo(1);
    assertThat(r.breaks()).hasSize(1);
    return r.breaks().get(0);
  }
}
