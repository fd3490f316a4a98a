package dev.recon.matching.model;

import static dev.recon.matching.SampleRecords.at;
import static dev.recon.matching.SampleRecords.bankLine;
import static dev.recon.matching.SampleRecords.capture;
import static dev.recon.matching.SampleRecords.expected;
import static dev.recon.matching.SampleRecords.payout;
import static dev.recon.matching.SampleRecords.pspRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.schemas.MatchMember;
import dev.recon.schemas.PaymentEventType;
import dev.recon.schemas.RecordKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconRecordTest {

  @Test
  void expected_payment_member_carries_its_amount_as_net_and_no_fee() {
    MatchMember member =
        Expectation.from(expected("exp-1", " ORD-1 ", 10_000, "EUR", "2025-09-10T12:00:00Z"))
            .toMember();

    assertThat(member.getRecordKind()).isEqualTo(RecordKind.EXPECTED);
    assertThat(member.getRecordId()).isEqualTo("exp-1");
    assertThat(member.getAmountMinor()).isEqualTo(10_000);
    assertThat(member.getCurrency()).isEqualTo("EUR");
    assertThat(member.getEventType()).isNull();
    assertThat(member.getFeeMinor()).isZero();
    assertThat(member.getNetMinor()).isEqualTo(10_000);
    assertThat(member.getNetCurrency()).isEqualTo("EUR");
    assertThat(member.getPsp()).isEqualTo("adyen");
    assertThat(member.getBankAccount()).isNull();
    assertThat(member.getEventTime()).isEqualTo(at("2025-09-10T12:00:00Z"));
  }

  @Test
  void psp_transaction_member_is_gross_signed_with_fee_and_net() {
    MatchMember member =
        PspTransaction.from(
                pspRow(
                    PaymentEventType.CHARGEBACK,
                    "9ABCD:CHARGEBACK",
                    "ORD-9",
                    -1_500,
                    1_000,
                    "1128",
                    "2025-09-11T09:00:00Z"))
            .toMember();

    assertThat(member.getRecordKind()).isEqualTo(RecordKind.PSP_TXN);
    assertThat(member.getRecordId()).isEqualTo("9ABCD:CHARGEBACK");
    assertThat(member.getAmountMinor()).isEqualTo(-1_500);
    assertThat(member.getEventType()).isEqualTo("CHARGEBACK");
    assertThat(member.getFeeMinor()).isEqualTo(1_000);
    assertThat(member.getNetMinor()).isEqualTo(-2_500);
    assertThat(member.getNetCurrency()).isEqualTo("EUR");
    assertThat(member.getPsp()).isEqualTo("adyen");
    assertThat(member.getEventTime()).isEqualTo(at("2025-09-11T09:00:00Z"));
  }

  @Test
  void payout_member_is_the_amount_sent_to_the_bank() {
    MatchMember member =
        Payout.from(payout("1128:EUR", "1128", 11_920, "TX539 batch 1128", "2025-09-25T15:17:00Z"))
            .toMember();

    assertThat(member.getRecordKind()).isEqualTo(RecordKind.PAYOUT);
    assertThat(member.getRecordId()).isEqualTo("1128:EUR");
    assertThat(member.getAmountMinor()).isEqualTo(11_920);
    assertThat(member.getEventType()).isEqualTo("PAYOUT");
    assertThat(member.getNetMinor()).isEqualTo(11_920);
    assertThat(member.getNetCurrency()).isEqualTo("EUR");
    assertThat(member.getPsp()).isEqualTo("adyen");
  }

  @Test
  void bank_line_member_is_signed_with_credit_or_debit_and_its_account() {
    MatchMember credit =
        StatementLine.from(bankLine("L-1", 11_920, "2025-09-26", "2025-09-27", "ADYEN")).toMember();
    MatchMember debit =
        StatementLine.from(bankLine("L-2", -150_000, "2025-09-28", "2025-09-28", "RENT"))
            .toMember();

    assertThat(credit.getRecordKind()).isEqualTo(RecordKind.BANK_LINE);
    assertThat(credit.getEventType()).isEqualTo("CREDIT");
    assertThat(credit.getBankAccount()).isEqualTo("NL91ABNA0417164300");
    assertThat(credit.getEventTime()).isEqualTo(at("2025-09-26T00:00:00Z"));
    assertThat(credit.getPsp()).isNull();
    assertThat(debit.getAmountMinor()).isEqualTo(-150_000);
    assertThat(debit.getEventType()).isEqualTo("DEBIT");
  }

  @Test
  void conversions_refuse_the_wrong_record_kind() {
    assertThatThrownBy(
            () -> Payout.from(capture("C:CAPTURE", "ORD", 1, 0, "1128", "2025-09-11T00:00:00Z")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> PspTransaction.from(payout("P", "1128", 1, null, "2025-09-11T00:00:00Z")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void chronological_order_is_event_time_then_id() {
    ReconRecord late = Payout.from(payout("A", "b", 1, null, "2025-09-12T00:00:00Z"));
    ReconRecord earlyB = Payout.from(payout("B", "b", 1, null, "2025-09-11T00:00:00Z"));
    ReconRecord earlyA = PspTransaction.from(capture("A", "r", 1, 0, "b", "2025-09-11T00:00:00Z"));

    assertThat(ReconRecord.chronological(List.of(late, earlyB, earlyA)))
        .containsExactly(earlyA, earlyB, late);
    assertThat(ReconRecord.latest(List.of(earlyA), List.of(late, earlyB)))
        .isEqualTo(at("2025-09-12T00:00:00Z"));
  }
}
