package dev.recon.matching.job;

import static dev.recon.matching.SampleRecords.bankLine;
import static dev.recon.matching.SampleRecords.capture;
import static dev.recon.matching.SampleRecords.expected;
import static dev.recon.matching.SampleRecords.payout;
import static dev.recon.matching.SampleRecords.pspRow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.PaymentEventType;
import org.junit.jupiter.api.Test;

class InputKeysTest {

  private final PaymentEvent capture =
      capture("C1:CAPTURE", "ORD-1", 100, 3, "1128", "2025-09-11T00:00:00Z");
  private final PaymentEvent refund =
      pspRow(
          PaymentEventType.REFUND, "R1:REFUND", "ORD-1", -100, 0, "1128", "2025-09-12T00:00:00Z");
  private final PaymentEvent payout = payout("1128:EUR", "1128", 97, "TX1", "2025-09-25T00:00:00Z");

  @Test
  void only_captures_go_to_l1_and_meet_expected_payments_on_their_reference() {
    assertThat(InputKeys.isCapture(capture)).isTrue();
    assertThat(InputKeys.isCapture(refund)).isFalse();
    assertThat(InputKeys.isCapture(payout)).isFalse();
    assertThat(InputKeys.captureByReference(capture))
        .isEqualTo(
            InputKeys.expectedByReference(
                expected("exp-1", "ORD-1 ", 100, "EUR", "2025-09-10T00:00:00Z")));
  }

  @Test
  void batch_rows_and_payouts_with_a_batch_id_go_to_l3_under_one_key() {
    PaymentEvent unbatched = capture("C2:CAPTURE", "ORD-2", 100, 3, null, "2025-09-11T00:00:00Z");

    assertThat(InputKeys.inSettlementBatch(capture)).isTrue();
    assertThat(InputKeys.inSettlementBatch(refund)).isTrue();
    assertThat(InputKeys.inSettlementBatch(payout)).isTrue();
    assertThat(InputKeys.inSettlementBatch(unbatched)).isFalse();
    assertThat(InputKeys.batchMember(capture)).isEqualTo(InputKeys.batchMember(payout));
  }

  @Test
  void payouts_go_straight_to_l4_and_meet_bank_lines_of_the_same_amount() {
    assertThat(InputKeys.isPayout(payout)).isTrue();
    assertThat(InputKeys.isPayout(capture)).isFalse();
    assertThat(InputKeys.payoutByAmount(payout))
        .isEqualTo(InputKeys.bankLineByAmount(bankLine("L1", 97, "2025-09-26", "2025-09-26", "X")))
        .isNotEqualTo(
            InputKeys.bankLineByAmount(bankLine("L2", -97, "2025-09-26", "2025-09-26", "X")));
  }
}
