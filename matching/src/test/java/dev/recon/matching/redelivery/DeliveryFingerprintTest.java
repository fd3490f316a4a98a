package dev.recon.matching.redelivery;

import static dev.recon.matching.SampleRecords.bankLine;
import static dev.recon.matching.SampleRecords.capture;
import static dev.recon.matching.SampleRecords.expected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.schemas.BankLine;
import dev.recon.schemas.ExpectedPayment;
import dev.recon.schemas.PaymentEvent;
import org.junit.jupiter.api.Test;

class DeliveryFingerprintTest {

  @Test
  void the_same_row_from_another_file_or_line_is_the_same_delivery() {
    PaymentEvent row = capture("C1:CAPTURE", "ORD-1", 100, 3, "1128", "2025-09-11T00:00:00Z");
    PaymentEvent again = PaymentEvent.newBuilder(row).build();
    again.getProvenance().setFileName("copy.csv");
    again.getProvenance().setContentSha256("1".repeat(64));
    again.getProvenance().setLine(99);

    assertThat(DeliveryFingerprint.of(again)).isEqualTo(DeliveryFingerprint.of(row));
  }

  @Test
  void a_row_with_other_content_is_not_the_same_delivery() {
    PaymentEvent row = capture("C1:CAPTURE", "ORD-1", 100, 3, null, "2025-09-11T00:00:00Z");
    PaymentEvent settled = PaymentEvent.newBuilder(row).setBatchId("1128").build();
    PaymentEvent otherAmount = PaymentEvent.newBuilder(row).setGrossMinor(101).build();
    PaymentEvent otherCharge = PaymentEvent.newBuilder(row).setEventId("C2:CAPTURE").build();

    assertThat(DeliveryFingerprint.of(settled)).isNotEqualTo(DeliveryFingerprint.of(row));
    assertThat(DeliveryFingerprint.of(otherAmount)).isNotEqualTo(DeliveryFingerprint.of(row));
    assertThat(DeliveryFingerprint.of(otherCharge)).isNotEqualTo(DeliveryFingerprint.of(row));
  }

  @Test
  void expected_payments_and_bank_lines_have_fingerprints_of_their_own_kind() {
    ExpectedPayment e = expected("exp-1", "ORD-1", 100, "EUR", "2025-09-10T00:00:00Z");
    BankLine line = bankLine("L1", 100, "2025-09-26", "2025-09-26", "X");

    assertThat(DeliveryFingerprint.of(ExpectedPayment.newBuilder(e).build()))
        .isEqualTo(DeliveryFingerprint.of(e));
    assertThat(DeliveryFingerprint.of(ExpectedPayment.newBuilder(e).setAmountMinor(5).build()))
        .isNotEqualTo(DeliveryFingerprint.of(e));
    assertThat(DeliveryFingerprint.of(line))
        .startsWith("B")
        .isNotEqualTo(DeliveryFingerprint.of(e));
    assertThat(DeliveryFingerprint.of(BankLine.newBuilder(line).setReversal(true).build()))
        .isNotEqualTo(DeliveryFingerprint.of(line));
  }
}
