package dev.recon.matching.job;

import static dev.recon.matching.SampleRecords.at;
import static dev.recon.matching.SampleRecords.capture;
import static dev.recon.matching.SampleRecords.pspRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.recon.matching.calendar.BreakDating;
import dev.recon.matching.calendar.PayoutCalendars;
import dev.recon.schemas.Match;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.MatchMember;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.PaymentEventType;
import dev.recon.schemas.ReconException;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OriginalLinkFunctionTest {

  private static final Duration WINDOW = Duration.ofDays(7);

  private KeyedOneInputStreamOperatorTestHarness<String, PaymentEvent, Match> harness;

  private void open(KeyPolicy policy) throws Exception {
    open(policy, false);
  }

  private void open(KeyPolicy policy, boolean reportUnsettled) throws Exception {
    harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new OriginalLinkFunction(WINDOW, policy, reportUnsettled)),
            InputKeys::linkByOriginal,
            Types.STRING);
    harness.open();
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void a_refund_before_its_capture_is_linked_when_the_window_ends() throws Exception {
    open(KeyPolicy.defaults());
    process(
        pspRow(
            PaymentEventType.REFUND,
            "P1:REFUND",
            "ORD-1",
            -2_000,
            0,
            "1128",
            "2025-09-12T10:00:00Z"));
    process(capture("P1:CAPTURE", "ORD-1", 10_000, 250, "1128", "2025-09-11T08:00:00Z"));
    assertThat(harness.extractOutputValues()).isEmpty();

    harness.processWatermark(new Watermark(at("2025-09-19T10:00:00Z").toEpochMilli()));

    assertThat(harness.extractOutputValues())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.getRule()).isEqualTo("original-capture");
              assertThat(m.getMembers())
                  .extracting(MatchMember::getRecordId)
                  .containsExactly("P1:CAPTURE", "P1:REFUND");
            });
    assertThat(HarnessOutputs.breaks(harness)).isEmpty();
    assertNothingLeft();
  }

  @Test
  void a_chargeback_without_capture_and_an_over_refund_break() throws Exception {
    open(KeyPolicy.defaults());
    process(
        pspRow(
            PaymentEventType.CHARGEBACK,
            "P9:CB",
            "ORD-9",
            -1_500,
            0,
            "1128",
            "2025-09-12T11:00:00Z"));
    process(capture("P1:CAPTURE", "ORD-1", 1_000, 0, "1128", "2025-09-11T08:00:00Z"));
    process(
        pspRow(
            PaymentEventType.REFUND,
            "P1:REFUND",
            "ORD-1",
            -1_200,
            0,
            "1128",
            "2025-09-12T10:00:00Z"));

    harness.processWatermark(Watermark.MAX_WATERMARK);

    assertThat(harness.extractOutputValues()).isEmpty();
    assertThat(HarnessOutputs.breaks(harness))
        .extracting(
            ReconException::getReason, ReconException::getRecordId, ReconException::getAmountMinor)
        .containsExactlyInAnyOrder(
            tuple("MISSING_ORIGINAL", "P9:CB", 1_500L),
            tuple("EXCEEDS_ORIGINAL", "P1:REFUND", 200L));
    assertNothingLeft();
  }

  @Test
  void a_key_at_its_limit_breaks_further_records_as_state_limit() throws Exception {
    open(KeyPolicy.defaults().withMaxOpenPerKey(2));
    process(capture("P1:CAPTURE", "ORD-1", 1_000, 0, "1128", "2025-09-11T08:00:00Z"));
    process(
        pspRow(PaymentEventType.REFUND, "P1:R1", "ORD-1", -100, 0, "1128", "2025-09-12T10:00:00Z"));
    process(
        pspRow(PaymentEventType.REFUND, "P1:R2", "ORD-1", -100, 0, "1128", "2025-09-13T10:00:00Z"));

    assertThat(HarnessOutputs.breaks(harness))
        .extracting(ReconException::getReason, ReconException::getRecordId)
        .containsExactly(tuple("STATE_LIMIT", "P1:R2"));

    harness.processWatermark(Watermark.MAX_WATERMARK);
    assertThat(harness.extractOutputValues()).hasSize(1);
    assertNothingLeft();
  }

  @Test
  void an_unsettled_capture_is_not_yet_due_before_its_payout_date_and_a_settled_one_is_fine()
      throws Exception {
    open(
        new KeyPolicy(
            false, 100, new BreakDating(at("2025-09-12T12:00:00Z"), PayoutCalendars.defaults())),
        true);
    // Webhook capture, not in a batch yet.
    process(capture("P1:CAPTURE", "ORD-1", 1_000, 0, null, "2025-09-11T08:00:00Z"));
    // Another capture first seen by webhook, then in its settlement batch.
    process(capture("P2:CAPTURE", "ORD-2", 2_000, 0, null, "2025-09-11T09:00:00Z"));
    process(capture("P2:CAPTURE", "ORD-2", 2_000, 0, "1128", "2025-09-11T09:00:00Z"));

    harness.processWatermark(Watermark.MAX_WATERMARK);

    assertThat(HarnessOutputs.breaks(harness))
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.getReason()).isEqualTo("MISSING_PAYOUT");
              assertThat(b.getLevel()).isEqualTo(MatchLevel.L3);
              assertThat(b.getRecordId()).isEqualTo("P1:CAPTURE");
              assertThat(b.getDetectedAt()).isEqualTo(at("2025-09-12T12:00:00Z"));
              // Thursday 11 September, Adyen T+2: due Monday the 15th.
              assertThat(b.getDetail()).startsWith("NOT_YET_DUE (due 2025-09-15): capture P1");
            });
    assertNothingLeft();
  }

  private void process(PaymentEvent event) throws Exception {
    harness.processElement(new StreamRecord<>(event, event.getEventTime().toEpochMilli()));
  }

  private void assertNothingLeft() {
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }
}
