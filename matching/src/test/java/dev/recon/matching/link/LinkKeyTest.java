package dev.recon.matching.link;

import static dev.recon.matching.SampleRecords.capture;
import static dev.recon.matching.SampleRecords.pspRow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.matching.model.PspTransaction;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.PaymentEventType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinkKeyTest {

  @Test
  void an_adyen_or_stripe_refund_meets_its_capture_on_the_original_psp_reference() {
    PaymentEvent capture =
        capture("8515:CAPTURE", "ORD-1", 1_000, 0, "1128", "2025-09-11T00:00:00Z");
    // Adyen: Psp Reference of the original payment, Modification Reference as its own id.
    PaymentEvent refund =
        pspRow(PaymentEventType.REFUND, "8516", "ORD-1", -500, 0, "1128", "2025-09-12T00:00:00Z");
    refund.setPspReference("8515");

    assertThat(PspTransaction.from(refund).originalReference()).isEqualTo("8515");
    assertThat(LinkKey.of(PspTransaction.from(refund)))
        .isEqualTo(LinkKey.of(PspTransaction.from(capture)));
  }

  @Test
  void a_paypal_refund_names_its_capture_as_a_related_transaction() {
    PaymentEvent capture = capture("9AB", "INV-1", 1_000, 0, null, "2025-09-11T00:00:00Z");
    capture.setPspReference("9AB");
    PaymentEvent refund =
        pspRow(PaymentEventType.REFUND, "7CD", "INV-1", -500, 0, null, "2025-09-12T00:00:00Z");
    refund.setPspReference("7CD");
    refund.setMetadata(Map.of("paypal_reference_id", "9AB", "paypal_reference_id_type", "TXN"));

    assertThat(LinkKey.of(PspTransaction.from(refund)))
        .isEqualTo(LinkKey.of(PspTransaction.from(capture)));
  }

  @Test
  void a_refund_naming_no_original_gets_a_key_of_its_own() {
    PaymentEvent a =
        pspRow(PaymentEventType.REFUND, "R1", null, -1, 0, null, "2025-09-12T00:00:00Z");
    a.setPspReference("R1");
    PaymentEvent b =
        pspRow(PaymentEventType.REFUND, "R2", null, -1, 0, null, "2025-09-12T00:00:00Z");
    b.setPspReference(null);

    assertThat(PspTransaction.from(a).originalReference()).isNull();
    assertThat(LinkKey.of(PspTransaction.from(a))).isNotEqualTo(LinkKey.of(PspTransaction.from(b)));
  }
}
