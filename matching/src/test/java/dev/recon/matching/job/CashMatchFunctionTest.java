package dev.recon.matching.job;

import static dev.recon.matching.SampleRecords.at;
import static dev.recon.matching.SampleRecords.bankLine;
import static dev.recon.matching.SampleRecords.payout;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.schemas.BankLine;
import dev.recon.schemas.Match;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.MatchMember;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.ReconException;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CashMatchFunctionTest {

  private static final Duration WINDOW = Duration.ofDays(7);

  private KeyedTwoInputStreamOperatorTestHarness<String, PaymentEvent, BankLine, Match> harness;

  @BeforeEach
  void open() throws Exception {
    harness =
        new KeyedTwoInputStreamOperatorTestHarness<>(
            new KeyedCoProcessOperator<>(new CashMatchFunction(WINDOW)),
            InputKeys::payoutByAmount,
            InputKeys::bankLineByAmount,
            Types.STRING);
    harness.open();
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void payout_and_line_with_its_reference_match_at_once_and_leave_nothing_behind()
      throws Exception {
    arrive(
        payout("1128:EUR", "1128", 11_920, "TX53913667600XT batch 1128", "2025-09-25T15:17:00Z"));
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);

    arrive(bankLine("L1", 11_920, "2025-09-26", "2025-09-26", "ADYEN TX53913667600XT BATCH 1128"));

    assertThat(harness.extractOutputValues())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.getLevel()).isEqualTo(MatchLevel.L4);
              assertThat(m.getRule()).isEqualTo("amount-reference");
              assertThat(m.getConfidence()).isEqualTo(100);
              assertThat(m.getMembers())
                  .extracting(MatchMember::getRecordId)
                  .containsExactly("1128:EUR", "L1");
              assertThat(m.getMatchedAt()).isEqualTo(at("2025-09-26T00:00:00Z"));
            });
    assertNothingLeft();
  }

  @Test
  void payout_alone_breaks_as_missing_in_bank_when_its_window_ends() throws Exception {
    arrive(payout("1130:EUR", "1130", 7_000, "TX53913667602XT", "2025-09-27T00:00:00Z"));

    harness.processBothWatermarks(new Watermark(at("2025-10-03T23:59:59Z").toEpochMilli()));
    assertThat(HarnessOutputs.breaks(harness)).isEmpty();
    harness.processBothWatermarks(new Watermark(at("2025-10-04T00:00:00Z").toEpochMilli()));

    assertThat(HarnessOutputs.breaks(harness))
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.getReason()).isEqualTo("MISSING_IN_BANK");
              assertThat(b.getRecordId()).isEqualTo("1130:EUR");
              assertThat(b.getDetectedAt()).isEqualTo(at("2025-10-04T00:00:00Z"));
            });
    assertNothingLeft();
  }

  @Test
  void ambiguous_candidates_wait_and_each_record_expires_on_its_own_window() throws Exception {
    arrive(payout("A:EUR", "A-batch", 4_800, "NOREF-A", "2025-09-20T00:00:00Z"));
    arrive(payout("B:EUR", "B-batch", 4_800, "NOREF-B", "2025-09-22T00:00:00Z"));
    arrive(bankLine("L2", 4_800, "2025-09-22", "2025-09-22", "ADYEN PAYOUT"));
    assertThat(harness.extractOutputValues()).isEmpty();
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);

    harness.processBothWatermarks(new Watermark(at("2025-09-27T00:00:00Z").toEpochMilli()));

    assertThat(harness.extractOutputValues())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.getRule()).isEqualTo("amount-value-date");
              assertThat(m.getConfidence()).isEqualTo(70);
              assertThat(m.getMembers())
                  .extracting(MatchMember::getRecordId)
                  .containsExactly("B:EUR", "L2");
            });
    ReconException missing = HarnessOutputs.breaks(harness).get(0);
    assertThat(missing.getReason()).isEqualTo("MISSING_IN_BANK");
    assertThat(missing.getRecordId()).isEqualTo("A:EUR");
    assertThat(missing.getDetectedAt()).isEqualTo(at("2025-09-27T00:00:00Z"));
    assertNothingLeft();
  }

  @Test
  void an_open_record_keeps_one_timer_at_its_own_window_end() throws Exception {
    arrive(payout("A:EUR", "A-batch", 4_800, "NOREF-A", "2025-09-20T00:00:00Z"));
    arrive(payout("B:EUR", "B-batch", 4_800, "NOREF-B", "2025-09-22T00:00:00Z"));

    harness.processBothWatermarks(new Watermark(at("2025-09-27T00:00:00Z").toEpochMilli()));

    assertThat(HarnessOutputs.breaks(harness))
        .extracting(ReconException::getRecordId)
        .containsExactly("A:EUR");
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);
    assertThat(harness.numKeyedStateEntries()).isPositive();

    harness.processBothWatermarks(new Watermark(at("2025-09-29T00:00:00Z").toEpochMilli()));

    assertThat(HarnessOutputs.breaks(harness))
        .extracting(ReconException::getRecordId)
        .containsExactly("A:EUR", "B:EUR");
    assertNothingLeft();
  }

  @Test
  void bank_line_alone_breaks_as_unmatched() throws Exception {
    arrive(bankLine("L3", -150_000, "2025-09-28", "2025-09-28", "RENT SEPTEMBER"));

    harness.processBothWatermarks(Watermark.MAX_WATERMARK);

    assertThat(HarnessOutputs.breaks(harness))
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.getReason()).isEqualTo("UNMATCHED_BANK_LINE");
              assertThat(b.getAmountMinor()).isEqualTo(150_000);
              assertThat(b.getDetectedAt()).isEqualTo(at("2025-10-05T00:00:00Z"));
            });
    assertNothingLeft();
  }

  private void arrive(PaymentEvent payout) throws Exception {
    harness.processElement1(new StreamRecord<>(payout, payout.getEventTime().toEpochMilli()));
  }

  private void arrive(BankLine line) throws Exception {
    harness.processElement2(new StreamRecord<>(line, 0L));
  }

  private void assertNothingLeft() {
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }
}
