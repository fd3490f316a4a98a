package dev.recon.matching.job;

import static dev.recon.matching.SampleRecords.at;
import static dev.recon.matching.SampleRecords.capture;
import static dev.recon.matching.SampleRecords.payout;
import static dev.recon.matching.SampleRecords.pspRow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.matching.calendar.BreakDating;
import dev.recon.matching.calendar.PayoutCalendars;
import dev.recon.schemas.Match;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.MatchMember;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.PaymentEventType;
import dev.recon.schemas.RecordKind;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SettlementMatchFunctionTest {

  private static final Duration WINDOW = Duration.ofDays(7);

  // Nets: 9750 + 4370 - 2000 - 600 = 11520
  private final List<PaymentEvent> rows =
      List.of(
          capture("C1:CAPTURE", "ORD-1", 10_000, 250, "1128", "2025-09-11T08:00:00Z"),
          capture("C2:CAPTURE", "ORD-2", 4_500, 130, "1128", "2025-09-11T09:00:00Z"),
          pspRow(
              PaymentEventType.REFUND,
              "R1:REFUND",
              "ORD-1",
              -2_000,
              0,
              "1128",
              "2025-09-12T10:00:00Z"),
          pspRow(PaymentEventType.FEE, "F1:FEE", null, -600, 0, "1128", "2025-09-12T12:00:00Z"));

  private KeyedOneInputStreamOperatorTestHarness<String, PaymentEvent, Match> harness;

  @BeforeEach
  void open() throws Exception {
    harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new SettlementMatchFunction(WINDOW)),
            InputKeys::batchMember,
            Types.STRING);
    harness.open();
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void rows_then_balancing_payout_match_once_the_watermark_passes_and_leave_nothing_behind()
      throws Exception {
    rows.forEach(this::process);
    assertThat(harness.extractOutputValues()).isEmpty();

    process(payout("1128:EUR", "1128", 11_520, "TX539 batch 1128", "2025-09-25T15:17:00Z"));
    assertThat(harness.extractOutputValues()).isEmpty();
    harness.processWatermark(new Watermark(at("2025-09-25T15:17:00Z").toEpochMilli()));

    assertThat(harness.extractOutputValues())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.getLevel()).isEqualTo(MatchLevel.L3);
              assertThat(m.getRule()).isEqualTo("batch-net-sum");
              assertThat(m.getConfidence()).isEqualTo(100);
              assertThat(m.getMembers())
                  .extracting(MatchMember::getRecordId)
                  .containsExactly("C1:CAPTURE", "C2:CAPTURE", "R1:REFUND", "F1:FEE", "1128:EUR");
              assertThat(m.getMembers().get(4).getRecordKind()).isEqualTo(RecordKind.PAYOUT);
              assertThat(m.getMatchedAt()).isEqualTo(at("2025-09-25T15:17:00Z"));
            });
    assertThat(HarnessOutputs.breaks(harness)).isEmpty();
    assertNothingLeft();
  }

  @Test
  void payout_first_matches_when_the_last_row_completes_the_sum() throws Exception {
    process(payout("1128:EUR", "1128", 11_520, "TX539 batch 1128", "2025-09-25T15:17:00Z"));
    rows.subList(0, 3).forEach(this::process);
    assertThat(harness.extractOutputValues()).isEmpty();

    process(rows.get(3));
    harness.processWatermark(new Watermark(at("2025-09-25T15:17:00Z").toEpochMilli()));

    assertThat(harness.extractOutputValues()).hasSize(1);
    assertNothingLeft();
  }

  @Test
  void short_payout_breaks_when_the_batch_window_ends() throws Exception {
    rows.forEach(this::process);
    process(payout("1128:EUR", "1128", 11_000, "TX539 batch 1128", "2025-09-25T15:17:00Z"));

    harness.processWatermark(new Watermark(at("2025-10-02T15:16:59Z").toEpochMilli()));
    assertThat(HarnessOutputs.breaks(harness)).isEmpty();
    harness.processWatermark(new Watermark(at("2025-10-02T15:17:00Z").toEpochMilli()));

    assertThat(HarnessOutputs.breaks(harness))
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.getReason()).isEqualTo("PAYOUT_SHORT");
              assertThat(b.getAmountMinor()).isEqualTo(520);
              assertThat(b.getRecordId()).isEqualTo("1128:EUR");
              assertThat(b.getDetectedAt()).isEqualTo(at("2025-10-02T15:17:00Z"));
              assertThat(b.getDetail()).contains("C1:CAPTURE", "F1:FEE");
            });
    assertThat(harness.extractOutputValues()).isEmpty();
    assertNothingLeft();
  }

  @Test
  void rows_without_payout_break_as_missing_payout() throws Exception {
    rows.forEach(this::process);

    harness.processWatermark(Watermark.MAX_WATERMARK);

    assertThat(HarnessOutputs.breaks(harness))
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.getReason()).isEqualTo("MISSING_PAYOUT");
              assertThat(b.getRecordKind()).isEqualTo(RecordKind.PAYOUT);
              assertThat(b.getRecordId()).isEqualTo("1128");
              assertThat(b.getAmountMinor()).isEqualTo(11_520);
              assertThat(b.getDetectedAt()).isEqualTo(at("2025-09-19T12:00:00Z"));
            });
    assertNothingLeft();
  }

  @Test
  void with_an_as_of_a_batch_without_payout_is_not_yet_due_and_detected_at_the_as_of()
      throws Exception {
    harness.close();
    harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(
                new SettlementMatchFunction(
                    WINDOW,
                    new KeyPolicy(
                        false,
                        100,
                        new BreakDating(at("2025-09-13T00:00:00Z"), PayoutCalendars.defaults())))),
            InputKeys::batchMember,
            Types.STRING);
    harness.open();
    rows.forEach(this::process);

    harness.processWatermark(Watermark.MAX_WATERMARK);

    assertThat(HarnessOutputs.breaks(harness))
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.getReason()).isEqualTo("MISSING_PAYOUT");
              assertThat(b.getDetectedAt()).isEqualTo(at("2025-09-13T00:00:00Z"));
              // Last row on Friday 12 September: Adyen pays out T+2, on Tuesday the 16th.
              assertThat(b.getDetail()).startsWith("NOT_YET_DUE (due 2025-09-16): no payout");
              assertThat(b.getDueDate()).isEqualTo(LocalDate.parse("2025-09-16"));
              assertThat(b.getDueStatus()).isEqualTo("NOT_YET_DUE");
            });
    assertNothingLeft();
  }

  @Test
  void without_decisions_on_arrival_a_balancing_payout_matches_when_the_window_ends()
      throws Exception {
    harness.close();
    harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(
                new SettlementMatchFunction(
                    WINDOW, KeyPolicy.defaults().withDecideOnArrival(false))),
            InputKeys::batchMember,
            Types.STRING);
    harness.open();
    rows.forEach(this::process);
    process(payout("1128:EUR", "1128", 11_520, "TX539 batch 1128", "2025-09-25T15:17:00Z"));
    assertThat(harness.extractOutputValues()).isEmpty();

    harness.processWatermark(Watermark.MAX_WATERMARK);

    assertThat(harness.extractOutputValues()).hasSize(1);
    assertThat(HarnessOutputs.breaks(harness)).isEmpty();
    assertNothingLeft();
  }

  private void process(PaymentEvent event) {
    try {
      harness.processElement(new StreamRecord<>(event, event.getEventTime().toEpochMilli()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void assertNothingLeft() {
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }
}
