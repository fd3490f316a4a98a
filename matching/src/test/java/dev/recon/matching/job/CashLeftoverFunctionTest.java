package dev.recon.matching.job;

import static dev.recon.matching.SampleRecords.at;
import static dev.recon.matching.SampleRecords.bankLine;
import static dev.recon.matching.SampleRecords.payout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.recon.matching.cash.CashRule;
import dev.recon.matching.cash.CashRuleSet;
import dev.recon.matching.cash.ValueDateWindow;
import dev.recon.schemas.Match;
import dev.recon.schemas.MatchMember;
import dev.recon.schemas.ReconException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CashLeftoverFunctionTest {

  private static final Duration WINDOW = Duration.ofDays(7);

  private KeyedOneInputStreamOperatorTestHarness<String, L4Leftover, Match> harness;

  private void open(long maxBankFee, KeyPolicy policy) throws Exception {
    open(new CashLeftoverFunction(WINDOW, maxBankFee, policy));
  }

  private void open(CashLeftoverFunction function) throws Exception {
    harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(function), InputKeys::cashLeftover, Types.STRING);
    harness.open();
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void a_line_short_by_a_bank_fee_matches_its_payout_when_the_first_is_due() throws Exception {
    open(1_500, KeyPolicy.defaults());
    leave(
        L4Leftover.of(
            payout("1128:EUR", "1128", 100_000, "TX53913667600XT", "2025-09-25T15:17:00Z"),
            at("2025-10-02T15:17:00Z").toEpochMilli()));
    leave(
        L4Leftover.of(
            bankLine("L1", 98_750, "2025-09-26", "2025-09-26", "ADYEN TX53913667600XT"),
            at("2025-10-03T00:00:00Z").toEpochMilli()));

    harness.processWatermark(new Watermark(at("2025-10-09T15:16:59Z").toEpochMilli()));
    assertThat(harness.extractOutputValues()).isEmpty();
    harness.processWatermark(new Watermark(at("2025-10-09T15:17:00Z").toEpochMilli()));

    assertThat(harness.extractOutputValues())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.getRule()).isEqualTo("bank-fee-reference");
              assertThat(m.getMembers())
                  .extracting(MatchMember::getRecordId)
                  .containsExactly("1128:EUR", "L1");
            });
    assertThat(HarnessOutputs.breaks(harness)).isEmpty();
    assertNothingLeft();
  }

  @Test
  void what_still_finds_nothing_breaks_as_l4_would_and_a_full_key_breaks_at_once()
      throws Exception {
    open(0, KeyPolicy.defaults().withMaxOpenPerKey(1));
    leave(
        L4Leftover.of(
            payout("1130:EUR", "1130", 7_000, "TX53913667602XT", "2025-09-27T15:17:00Z"),
            at("2025-10-04T15:17:00Z").toEpochMilli()));
    leave(
        L4Leftover.of(
            bankLine("L9", -150_000, "2025-09-28", "2025-09-28", "RENT"),
            at("2025-10-05T00:00:00Z").toEpochMilli()));

    assertThat(HarnessOutputs.breaks(harness))
        .extracting(ReconException::getReason, ReconException::getRecordId)
        .containsExactly(tuple("UNMATCHED_BANK_LINE", "L9"));

    harness.processWatermark(Watermark.MAX_WATERMARK);

    assertThat(HarnessOutputs.breaks(harness))
        .extracting(
            ReconException::getReason, ReconException::getRecordId, ReconException::getDetectedAt)
        .containsExactly(
            tuple("UNMATCHED_BANK_LINE", "L9", at("2025-10-05T00:00:00Z")),
            tuple("MISSING_IN_BANK", "1130:EUR", at("2025-10-11T15:17:00Z")));
    assertThat(harness.extractOutputValues()).isEmpty();
    assertNothingLeft();
  }

  @Test
  void a_five_euro_bank_fee_matches_by_the_cash_rule_of_its_currency_and_names_it()
      throws Exception {
    CashRule eurBanks =
        new CashRule(
            "eur-banks",
            10,
            CashRule.ANY,
            "adyen",
            CashRule.ANY,
            Map.of("EUR", 500L),
            ValueDateWindow.businessDays(1, 2, "EUR"),
            List.of());
    // The settings' fallback fee is 0, as in a run that configures none.
    MatchingSettings settings =
        MatchingSettings.bounded().withCashRules(new CashRuleSet(List.of(eurBanks)));
    open(new CashLeftoverFunction(WINDOW, settings.cashTerms(), KeyPolicy.defaults()));
    leave(
        L4Leftover.of(
            payout("1128:EUR", "1128", 100_000, "TX53913667600XT", "2025-09-26T15:17:00Z"),
            at("2025-10-03T15:17:00Z").toEpochMilli()));
    // Friday's payout valued Tuesday: two business days later, four calendar days.
    leave(
        L4Leftover.of(
            bankLine("L1", 99_500, "2025-09-30", "2025-09-30", "ADYEN TX53913667600XT"),
            at("2025-10-07T00:00:00Z").toEpochMilli()));
    leave(
        L4Leftover.of(
            bankLine("L2", 99_400, "2025-09-30", "2025-09-30", "ADYEN TX53913667601XT"),
            at("2025-10-07T00:00:00Z").toEpochMilli()));

    harness.processWatermark(Watermark.MAX_WATERMARK);

    assertThat(harness.extractOutputValues())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.getRule()).isEqualTo("bank-fee-reference:eur-banks");
              assertThat(m.getMembers())
                  .extracting(MatchMember::getRecordId)
                  .containsExactly("1128:EUR", "L1");
            });
    // 6.00 off is beyond the rule's 5.00: that line breaks.
    assertThat(HarnessOutputs.breaks(harness))
        .extracting(ReconException::getReason, ReconException::getRecordId)
        .containsExactly(tuple("UNMATCHED_BANK_LINE", "L2"));
    assertNothingLeft();
  }

  @Test
  void without_a_cash_rule_the_same_fee_breaks_under_the_zero_fallback() throws Exception {
    open(
        new CashLeftoverFunction(
            WINDOW, MatchingSettings.bounded().cashTerms(), KeyPolicy.defaults()));
    leave(
        L4Leftover.of(
            payout("1128:EUR", "1128", 100_000, "TX53913667600XT", "2025-09-26T15:17:00Z"),
            at("2025-10-03T15:17:00Z").toEpochMilli()));
    leave(
        L4Leftover.of(
            bankLine("L1", 99_500, "2025-09-30", "2025-09-30", "ADYEN TX53913667600XT"),
            at("2025-10-07T00:00:00Z").toEpochMilli()));

    harness.processWatermark(Watermark.MAX_WATERMARK);

    assertThat(harness.extractOutputValues()).isEmpty();
    assertThat(HarnessOutputs.breaks(harness))
        .extracting(ReconException::getReason)
        .containsExactlyInAnyOrder("MISSING_IN_BANK", "UNMATCHED_BANK_LINE");
    assertNothingLeft();
  }

  private void leave(L4Leftover leftover) throws Exception {
    harness.processElement(new StreamRecord<>(leftover, leftover.leftAtMillis));
  }

  private void assertNothingLeft() {
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }
}
