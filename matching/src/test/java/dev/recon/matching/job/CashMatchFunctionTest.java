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
  void payout_and_line_with_its_reference_match_once_the_watermark_passes_both() throws Exception {
    arrive(
        payout("1128:EUR", "1128", 11_920, "TX53913667600XT batch 1128", "2025-09-25T15:17:00Z"));
    // The arrival check and the payout's window end.
    assertThat(harness.numEventTimeTimers()).isEqualTo(2);

    arrive(bankLine("L1", 11_920, "2025-09-26", "2025-09-26", "ADYEN TX53913667600XT BATCH 1128"));
    assertThat(harness.extractOutputValues()).isEmpty();
    harness.processBothWatermarks(new Watermark(at("2025-09-26T00:00:00Z").toEpochMilli()));

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
              // Paid out on Saturday 27 September, so from Monday the 29th: T+1 is the 30th.
              assertThat(b.getDetail())
                  .startsWith("LATE (due 2025-09-30, 3 business days overdue)");
            });
    assertNothingLeft();
  }

  @Test
  void a_key_at_its_limit_breaks_further_records_as_state_limit() throws Exception {
    harness.close();
    harness =
        new KeyedTwoInputStreamOperatorTestHarness<>(
            new KeyedCoProcessOperator<>(
                new CashMatchFunction(WINDOW, KeyPolicy.defaults().withMaxOpenPerKey(2))),
            InputKeys::payoutByAmount,
            InputKeys::bankLineByAmount,
            Types.STRING);
    harness.open();
    arrive(payout("P1:EUR", "P1", 500, null, "2025-09-01T00:00:00Z"));
    arrive(payout("P2:EUR", "P2", 500, null, "2025-09-20T00:00:00Z"));
    arrive(bankLine("L9", 500, "2025-10-20", "2025-10-20", "RENT"));

    assertThat(HarnessOutputs.breaks(harness))
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.getReason()).isEqualTo("STATE_LIMIT");
              assertThat(b.getRecordId()).isEqualTo("L9");
              assertThat(b.getLevel()).isEqualTo(MatchLevel.L4);
            });
    harness.processBothWatermarks(Watermark.MAX_WATERMARK);
    assertNothingLeft();
  }

  @Test
  void without_decisions_on_arrival_the_pair_matches_when_the_first_window_ends() throws Exception {
    harness.close();
    harness =
        new KeyedTwoInputStreamOperatorTestHarness<>(
            new KeyedCoProcessOperator<>(
                new CashMatchFunction(WINDOW, KeyPolicy.defaults().withDecideOnArrival(false))),
            InputKeys::payoutByAmount,
            InputKeys::bankLineByAmount,
            Types.STRING);
    harness.open();
    arrive(
        payout("1128:EUR", "1128", 11_920, "TX53913667600XT batch 1128", "2025-09-25T15:17:00Z"));
    arrive(bankLine("L1", 11_920, "2025-09-26", "2025-09-26", "ADYEN TX53913667600XT BATCH 1128"));
    assertThat(harness.extractOutputValues()).isEmpty();

    harness.processBothWatermarks(Watermark.MAX_WATERMARK);

    assertThat(harness.extractOutputValues()).hasSize(1);
    assertThat(HarnessOutputs.breaks(harness)).isEmpty();
    assertNothingLeft();
  }

  @Test
  void ambiguous_candidates_wait_and_each_record_expires_on_its_own_window() throws Exception {
    arrive(payout("A:EUR", "A-batch", 4_800, "NOREF-A", "2025-09-20T00:00:00Z"));
    arrive(payout("B:EUR", "B-batch", 4_800, "NOREF-B", "2025-09-22T00:00:00Z"));
    arrive(bankLine("L2", 4_800, "2025-09-22", "2025-09-22", "ADYEN PAYOUT"));
    harness.processBothWatermarks(new Watermark(at("2025-09-22T00:00:00Z").toEpochMilli()));
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
