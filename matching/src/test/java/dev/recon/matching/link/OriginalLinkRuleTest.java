package dev.recon.matching.link;

import static dev.recon.matching.SampleRecords.capture;
import static dev.recon.matching.SampleRecords.pspRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.recon.matching.Permutations;
import dev.recon.matching.model.Break;
import dev.recon.matching.model.BreakReason;
import dev.recon.matching.model.MatchRule;
import dev.recon.matching.model.PspTransaction;
import dev.recon.matching.model.ReconRecord;
import dev.recon.matching.model.Resolution;
import dev.recon.schemas.PaymentEventType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OriginalLinkRuleTest {

  private static final Instant DETECTED = Instant.parse("2025-10-01T00:00:00Z");

  private static PspTransaction txn(PaymentEventType type, String id, long gross, String time) {
    return PspTransaction.from(pspRow(type, id, "ORD-1", gross, 0, "1128", time));
  }

  private static final PspTransaction CAPTURE =
      PspTransaction.from(
          capture("P1:CAPTURE", "ORD-1", 10_000, 250, "1128", "2025-09-11T08:00:00Z"));

  @Test
  void partial_refunds_within_the_capture_are_linked_to_it() {
    PspTransaction r1 = txn(PaymentEventType.REFUND, "P1:REFUND-1", -4_000, "2025-09-12T00:00:00Z");
    PspTransaction r2 = txn(PaymentEventType.REFUND, "P1:REFUND-2", -6_000, "2025-09-13T00:00:00Z");

    Resolution r = OriginalLinkRule.onExpiry(List.of(r2, CAPTURE, r1), DETECTED);

    assertThat(r.breaks()).isEmpty();
    assertThat(r.matches())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.rule()).isEqualTo(MatchRule.ORIGINAL_CAPTURE);
              assertThat(m.members())
                  .extracting(ReconRecord::recordId)
                  .containsExactly("P1:CAPTURE", "P1:REFUND-1", "P1:REFUND-2");
            });
  }

  @Test
  void a_refund_beyond_what_remains_of_the_capture_breaks_with_the_excess() {
    PspTransaction r1 = txn(PaymentEventType.REFUND, "P1:REFUND-1", -7_000, "2025-09-12T00:00:00Z");
    PspTransaction r2 = txn(PaymentEventType.REFUND, "P1:REFUND-2", -5_000, "2025-09-13T00:00:00Z");

    Resolution r = OriginalLinkRule.onExpiry(List.of(CAPTURE, r1, r2), DETECTED);

    assertThat(r.matches().get(0).members())
        .extracting(ReconRecord::recordId)
        .containsExactly("P1:CAPTURE", "P1:REFUND-1");
    assertThat(r.breaks())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.reason()).isEqualTo(BreakReason.EXCEEDS_ORIGINAL);
              assertThat(b.recordId()).isEqualTo("P1:REFUND-2");
              assertThat(b.amountMinor()).isEqualTo(2_000);
              assertThat(b.detail()).contains("3000 remaining", "P1:CAPTURE");
            });
  }

  @Test
  void refunds_and_chargebacks_without_a_capture_break_as_missing_original() {
    PspTransaction refund =
        txn(PaymentEventType.REFUND, "P1:REFUND-1", -1_000, "2025-09-12T00:00:00Z");
    PspTransaction chargeback =
        txn(PaymentEventType.CHARGEBACK, "P1:CB-1", -2_000, "2025-09-13T00:00:00Z");

    Resolution r = OriginalLinkRule.onExpiry(List.of(refund, chargeback), DETECTED);

    assertThat(r.matches()).isEmpty();
    assertThat(r.breaks())
        .extracting(Break::reason, Break::recordId, Break::amountMinor, Break::detectedAt)
        .containsExactly(
            tuple(BreakReason.MISSING_ORIGINAL, "P1:REFUND-1", 1_000L, DETECTED),
            tuple(BreakReason.MISSING_ORIGINAL, "P1:CB-1", 2_000L, DETECTED));
    assertThat(r.breaks().get(0).detail()).contains("no capture P1");
  }

  @Test
  void a_reversal_restores_what_a_chargeback_took_and_needs_one_before_it() {
    PspTransaction chargeback =
        txn(PaymentEventType.CHARGEBACK, "P1:CB-1", -10_000, "2025-09-12T00:00:00Z");
    PspTransaction reversal =
        txn(PaymentEventType.CHARGEBACK_REVERSAL, "P1:CBR-1", 10_000, "2025-09-20T00:00:00Z");
    PspTransaction refundAfter =
        txn(PaymentEventType.REFUND, "P1:REFUND-1", -10_000, "2025-09-21T00:00:00Z");
    PspTransaction earlyReversal =
        txn(PaymentEventType.CHARGEBACK_REVERSAL, "P1:CBR-0", 500, "2025-09-11T09:00:00Z");

    Resolution r =
        OriginalLinkRule.onExpiry(
            List.of(refundAfter, reversal, CAPTURE, chargeback, earlyReversal), DETECTED);

    assertThat(r.matches().get(0).members())
        .extracting(ReconRecord::recordId)
        .containsExactly("P1:CAPTURE", "P1:CB-1", "P1:CBR-1", "P1:REFUND-1");
    assertThat(r.breaks())
        .extracting(Break::reason, Break::recordId)
        .containsExactly(tuple(BreakReason.MISSING_ORIGINAL, "P1:CBR-0"));
  }

  @Test
  void a_follower_in_another_currency_breaks_as_currency_mismatch() {
    PspTransaction refund =
        txn(PaymentEventType.REFUND, "P1:REFUND-1", -1_000, "2025-09-12T00:00:00Z");
    PspTransaction usd =
        PspTransaction.from(
            pspRow(
                PaymentEventType.REFUND,
                "P1:REFUND-2",
                "ORD-1",
                -1_000,
                0,
                "1128",
                "2025-09-12T00:00:00Z"));
    PspTransaction usdRefund =
        new PspTransaction(
            usd.tenantId(),
            usd.eventId(),
            usd.psp(),
            usd.type(),
            usd.pspReference(),
            usd.originalReference(),
            usd.merchantReference(),
            usd.grossMinor(),
            "USD",
            usd.feeMinor(),
            usd.netMinor(),
            "USD",
            usd.batchId(),
            usd.eventTime());

    Resolution r = OriginalLinkRule.onExpiry(List.of(CAPTURE, refund, usdRefund), DETECTED);

    assertThat(r.breaks())
        .extracting(Break::reason, Break::recordId)
        .containsExactly(tuple(BreakReason.CURRENCY_MISMATCH, "P1:REFUND-2"));
  }

  @Test
  void a_capture_without_followers_links_nothing() {
    assertThat(OriginalLinkRule.onExpiry(List.of(CAPTURE), DETECTED).matches()).isEmpty();
  }

  @Test
  void the_decision_does_not_depend_on_the_order_of_the_records() {
    List<PspTransaction> records =
        List.of(
            CAPTURE,
            txn(PaymentEventType.REFUND, "P1:REFUND-1", -6_000, "2025-09-12T00:00:00Z"),
            txn(PaymentEventType.REFUND, "P1:REFUND-2", -6_000, "2025-09-13T00:00:00Z"),
            txn(PaymentEventType.CHARGEBACK, "P1:CB-1", -3_000, "2025-09-14T00:00:00Z"),
            txn(PaymentEventType.CHARGEBACK_REVERSAL, "P1:CBR-1", 3_000, "2025-09-15T00:00:00Z"));
    Resolution first = OriginalLinkRule.onExpiry(records, DETECTED);
    for (List<PspTransaction> order : Permutations.of(records)) {
      assertThat(OriginalLinkRule.onExpiry(order, DETECTED)).isEqualTo(first);
    }
    assertThat(first.breaks())
        .extracting(Break::reason, Break::recordId)
        .containsExactly(tuple(BreakReason.EXCEEDS_ORIGINAL, "P1:REFUND-2"));
  }

  @Test
  void with_unsettled_reporting_a_capture_in_no_batch_breaks_as_missing_payout() {
    PspTransaction webhookCapture =
        PspTransaction.from(capture("P2:CAPTURE", "ORD-2", 500, 0, null, "2025-09-11T08:00:00Z"));

    assertThat(OriginalLinkRule.onExpiry(List.of(webhookCapture), true, DETECTED).breaks())
        .extracting(Break::reason, Break::recordId, Break::amountMinor)
        .containsExactly(tuple(BreakReason.MISSING_PAYOUT, "P2:CAPTURE", 500L));
    assertThat(OriginalLinkRule.onExpiry(List.of(webhookCapture), false, DETECTED).breaks())
        .isEmpty();
    PspTransaction settledCopy =
        PspTransaction.from(capture("P2:CAPTURE", "ORD-2", 500, 0, "1128", "2025-09-11T08:00:00Z"));
    assertThat(
            OriginalLinkRule.onExpiry(List.of(webhookCapture, settledCopy), true, DETECTED)
                .breaks())
        .isEmpty();
  }
}
