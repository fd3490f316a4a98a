package dev.recon.matching.cash;

import static dev.recon.matching.SampleRecords.bankLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.matching.Permutations;
import dev.recon.matching.SampleRecords;
import dev.recon.matching.model.MatchRule;
import dev.recon.matching.model.Payout;
import dev.recon.matching.model.ReconRecord;
import dev.recon.matching.model.StatementLine;
import java.util.List;
import org.junit.jupiter.api.Test;

class CashLeftoverRuleTest {

  private static final long MAX_FEE = 1_500;

  private static Payout payout(String id, long amount, String reference, String time) {
    return Payout.from(SampleRecords.payout(id, id, amount, reference, time));
  }

  private static StatementLine line(String id, long amount, String date, String remittance) {
    return StatementLine.from(bankLine(id, amount, date, date, remittance));
  }

  @Test
  void a_line_short_of_its_payout_by_a_bank_fee_within_tolerance_matches() {
    Payout p = payout("1128:EUR", 100_000, "TX53913667600XT", "2025-09-25T15:17:00Z");
    StatementLine l = line("L1", 98_750, "2025-09-26", "ADYEN TX53913667600XT");

    CashDecision d = CashLeftoverRule.decide(List.of(p), List.of(l), MAX_FEE);

    assertThat(d.matches())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.rule()).isEqualTo(MatchRule.BANK_FEE_REFERENCE);
              assertThat(m.members())
                  .extracting(ReconRecord::recordId)
                  .containsExactly("1128:EUR", "L1");
            });
    assertThat(d.settled()).isTrue();
  }

  @Test
  void a_fee_beyond_tolerance_or_a_line_above_the_payout_does_not_match() {
    Payout p = payout("1128:EUR", 100_000, "TX53913667600XT", "2025-09-25T15:17:00Z");

    assertThat(
            CashLeftoverRule.decide(
                    List.of(p),
                    List.of(line("L1", 98_499, "2025-09-26", "TX53913667600XT")),
                    MAX_FEE)
                .matches())
        .isEmpty();
    assertThat(
            CashLeftoverRule.decide(
                    List.of(p),
                    List.of(line("L2", 100_001, "2025-09-26", "TX53913667600XT")),
                    MAX_FEE)
                .matches())
        .isEmpty();
    assertThat(
            CashLeftoverRule.decide(
                    List.of(p),
                    List.of(line("L3", 99_000, "2025-10-15", "TX53913667600XT")),
                    MAX_FEE)
                .openLines())
        .hasSize(1);
    assertThatThrownBy(() -> CashLeftoverRule.decide(List.of(p), List.of(), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void one_line_for_several_payouts_each_named_on_it_matches_n_to_1() {
    Payout a = payout("A:EUR", 40_000, "PAYOUT-AAAA1", "2025-09-25T10:00:00Z");
    Payout b = payout("B:EUR", 60_000, "PAYOUT-BBBB2", "2025-09-25T11:00:00Z");
    Payout other = payout("C:EUR", 5_000, "PAYOUT-CCCC3", "2025-09-25T12:00:00Z");
    StatementLine l = line("L1", 100_000, "2025-09-26", "ADYEN PAYOUT-AAAA1 PAYOUT-BBBB2");

    CashDecision d = CashLeftoverRule.decide(List.of(other, b, a), List.of(l), 0);

    assertThat(d.matches())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.rule()).isEqualTo(MatchRule.AGGREGATED_PAYOUTS);
              assertThat(m.members())
                  .extracting(ReconRecord::recordId)
                  .containsExactly("A:EUR", "B:EUR", "L1");
            });
    assertThat(d.openPayouts()).extracting(Payout::eventId).containsExactly("C:EUR");
  }

  @Test
  void the_decision_does_not_depend_on_the_order_of_the_records() {
    List<Payout> payouts =
        List.of(
            payout("P1:EUR", 10_000, "REF-P1-XYZ", "2025-09-25T10:00:00Z"),
            payout("P2:EUR", 10_000, "REF-P2-XYZ", "2025-09-25T11:00:00Z"),
            payout("P3:EUR", 20_000, "REF-P3-XYZ", "2025-09-25T12:00:00Z"));
    List<StatementLine> lines =
        List.of(
            line("L1", 9_990, "2025-09-26", "TRANSFER"),
            line("L2", 19_980, "2025-09-26", "REF-P3-XYZ"),
            line("L3", 9_995, "2025-09-27", "TRANSFER"));
    CashDecision first = CashLeftoverRule.decide(payouts, lines, 50);
    for (List<Payout> order : Permutations.of(payouts)) {
      for (List<StatementLine> lineOrder : Permutations.of(lines)) {
        assertThat(CashLeftoverRule.decide(order, lineOrder, 50)).isEqualTo(first);
      }
    }
    assertThat(first.matches()).hasSize(3);
  }
}
