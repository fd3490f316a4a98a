package dev.recon.matching.job;

import static dev.recon.matching.SampleRecords.bankLine;
import static dev.recon.matching.SampleRecords.payout;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.matching.cash.CashRule;
import dev.recon.matching.cash.CashRuleSet;
import dev.recon.matching.cash.ReferencePattern;
import dev.recon.matching.cash.ValueDateWindow;
import dev.recon.schemas.BankLine;
import dev.recon.schemas.Match;
import dev.recon.schemas.MatchMember;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.ReconException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** L4's exact-amount operator under configured cash rules. */
class CashMatchFunctionRulesTest {

  private static final Duration WINDOW = Duration.ofDays(30);

  private static final CashRule ABN =
      new CashRule(
          "abn-po",
          10,
          CashRule.ANY,
          CashRule.ANY,
          "NL91ABNA0417164300",
          Map.of(),
          ValueDateWindow.businessDays(0, 2, "EUR"),
          List.of(ReferencePattern.of("PO-0*(\\d+)")));

  private KeyedTwoInputStreamOperatorTestHarness<String, PaymentEvent, BankLine, Match> harness;

  private void open(CashRuleSet rules) throws Exception {
    MatchingSettings settings = MatchingSettings.bounded().withCashRules(rules);
    harness =
        new KeyedTwoInputStreamOperatorTestHarness<>(
            new KeyedCoProcessOperator<>(
                new CashMatchFunction(WINDOW, KeyPolicy.defaults(), false, settings.cashTerms())),
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
  void the_banks_pattern_pairs_a_late_line_by_its_batch_id_and_the_match_names_the_rule()
      throws Exception {
    open(new CashRuleSet(List.of(ABN)));
    arrive(payout("1128:EUR", "1128", 11_920, null, "2025-09-25T15:17:00Z"));
    arrive(bankLine("L1", 11_920, "2025-10-14", "2025-10-14", "ADYEN PO-0001128"));

    harness.processBothWatermarks(Watermark.MAX_WATERMARK);

    assertThat(harness.extractOutputValues())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.getRule()).isEqualTo("amount-reference:abn-po");
              assertThat(m.getConfidence()).isEqualTo(100);
              assertThat(m.getMembers())
                  .extracting(MatchMember::getRecordId)
                  .containsExactly("1128:EUR", "L1");
            });
    assertNothingLeft();
  }

  @Test
  void without_the_rule_the_same_records_break() throws Exception {
    open(CashRuleSet.none());
    arrive(payout("1128:EUR", "1128", 11_920, null, "2025-09-25T15:17:00Z"));
    arrive(bankLine("L1", 11_920, "2025-10-14", "2025-10-14", "ADYEN PO-0001128"));

    harness.processBothWatermarks(Watermark.MAX_WATERMARK);

    assertThat(harness.extractOutputValues()).isEmpty();
    assertThat(HarnessOutputs.breaks(harness))
        .extracting(ReconException::getReason)
        .containsExactlyInAnyOrder("MISSING_IN_BANK", "UNMATCHED_BANK_LINE");
    assertNothingLeft();
  }

  @Test
  void a_business_day_window_pairs_a_thursday_payout_with_its_line_after_easter() throws Exception {
    open(new CashRuleSet(List.of(ABN)));
    // Thursday before Easter 2026; Good Friday and Easter Monday are TARGET2 holidays.
    arrive(payout("1200:EUR", "1200", 50_000, null, "2026-04-02T09:00:00Z"));
    arrive(bankLine("L1", 50_000, "2026-04-08", "2026-04-08", "SEPA CREDIT ADYEN"));

    harness.processBothWatermarks(Watermark.MAX_WATERMARK);

    assertThat(harness.extractOutputValues())
        .singleElement()
        .satisfies(m -> assertThat(m.getRule()).isEqualTo("amount-value-date:abn-po"));
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
