package dev.recon.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.RecordKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunSummaryTest {

  private final RunSummary summary = RunSummary.of(Fixtures.sampleRun());

  @Test
  void countsMatchesBreaksAndDeadLetters() {
    assertThat(summary.tenant()).isEqualTo(Fixtures.TENANT);
    assertThat(summary.asOf()).isEqualTo(Fixtures.AS_OF);
    assertThat(summary.inputs())
        .containsExactly("expected.csv", "adyen_settlement.csv", "camt053.xml");
    assertThat(summary.matchCount()).isEqualTo(4);
    assertThat(summary.breakCount()).isEqualTo(4);
    assertThat(summary.deadLetterCount()).isEqualTo(2);
  }

  @Test
  void matchRateCountsARecordInAnyBreakAsUnmatched() {
    // matched: ord-1 psp-1 ord-2 psp-2 po-1 ord-3 ch_3; broken: ord-4 po-1 psp-9 ch_9
    assertThat(summary.matchRate()).isEqualTo(new MatchRate(6, 10));
    assertThat(summary.matchRate().basisPoints()).hasValue(6000);
  }

  @Test
  void summarisesEveryLevelInLevelOrder() {
    assertThat(summary.levels())
        .extracting(LevelSummary::level)
        .containsExactly(MatchLevel.values());

    LevelSummary l1 = summary.levels().get(0);
    assertThat(l1.matches()).isEqualTo(2);
    assertThat(l1.breaks()).isEqualTo(2);
    assertThat(l1.rate()).isEqualTo(new MatchRate(4, 6));
    assertThat(l1.rate().percent()).hasValue("66.66");
    assertThat(l1.matchedAmountMinor())
        .isEqualTo(
            Map.of(
                RecordKind.EXPECTED,
                Map.of("EUR", 3000L),
                RecordKind.PSP_TXN,
                Map.of("EUR", 3000L)));

    LevelSummary l2 = summary.levels().get(1);
    assertThat(l2.rate()).isEqualTo(new MatchRate(2, 3));

    LevelSummary l3 = summary.levels().get(2);
    assertThat(l3.matches()).isEqualTo(1);
    assertThat(l3.breaks()).isZero();
    assertThat(l3.rate()).isEqualTo(new MatchRate(3, 3));
    assertThat(l3.matchedAmountMinor())
        .isEqualTo(
            Map.of(
                RecordKind.PSP_TXN, Map.of("EUR", 3000L), RecordKind.PAYOUT, Map.of("EUR", 2950L)));

    LevelSummary l4 = summary.levels().get(3);
    assertThat(l4.matches()).isZero();
    assertThat(l4.breaks()).isEqualTo(1);
    assertThat(l4.rate()).isEqualTo(new MatchRate(0, 1));

    LevelSummary manual = summary.levels().get(4);
    assertThat(manual.rate().basisPoints()).isEmpty();
  }

  @Test
  void attributesBreaksToAPspOnlyThroughAMatchedRecord() {
    assertThat(summary.psps()).extracting(PspSummary::psp).containsExactly("adyen", "stripe");
    PspSummary adyen = summary.psps().get(0);
    assertThat(adyen.recordsMatched()).isEqualTo(5);
    assertThat(adyen.matchedAmountMinor())
        .isEqualTo(
            Map.of(
                RecordKind.EXPECTED, Map.of("EUR", 3000L),
                RecordKind.PSP_TXN, Map.of("EUR", 3000L),
                RecordKind.PAYOUT, Map.of("EUR", 2950L)));
    assertThat(adyen.breaks()).isEqualTo(1);
    assertThat(adyen.atRiskMinor()).isEqualTo(Map.of("EUR", 2950L));

    PspSummary stripe = summary.psps().get(1);
    assertThat(stripe.recordsMatched()).isEqualTo(2);
    assertThat(stripe.breaks()).isZero();
  }

  @Test
  void groupsExceptionsAndDeadLettersByReasonWithAgeing() {
    assertThat(summary.reasons())
        .extracting(ReasonSummary::reason)
        .containsExactly(
            "AMOUNT_MISMATCH",
            "DATA_QUALITY",
            "DUPLICATE",
            "MISSING_IN_BANK",
            "MISSING_IN_PSP",
            "PARSE_ERROR");

    ReasonSummary duplicate = summary.reasons().get(2);
    assertThat(duplicate.count()).isEqualTo(1);
    assertThat(duplicate.atRiskMinor()).isEqualTo(Map.of("EUR", 700L));
    assertThat(duplicate.ageing())
        .containsExactly(
            Map.entry(AgeingBucket.DAYS_0_1, 0L),
            Map.entry(AgeingBucket.DAYS_2_7, 0L),
            Map.entry(AgeingBucket.DAYS_8_30, 0L),
            Map.entry(AgeingBucket.OVER_30, 1L));

    ReasonSummary parseError = summary.reasons().get(5);
    assertThat(parseError.atRiskMinor()).isEmpty();
    assertThat(parseError.ageing()).containsEntry(AgeingBucket.DAYS_2_7, 1L);
    assertThat(summary.reasons().get(1).ageing()).containsEntry(AgeingBucket.DAYS_0_1, 1L);
  }

  @Test
  void keepsCurrenciesApart() {
    assertThat(summary.currencies())
        .containsExactly(
            new CurrencySummary("EUR", 5, 3, 1500 + 2950 + 700, 3000, 3000),
            new CurrencySummary("JPY", 2, 1, 1200, 500_000, 500_000));
    assertThat(summary.atRiskMinor())
        .containsExactly(Map.entry("EUR", 5150L), Map.entry("JPY", 1200L));
  }

  @Test
  void summarisesAnEmptyRunWithoutARate() {
    RunSummary empty = RunSummary.of(Fixtures.emptyRun());

    assertThat(empty.matchRate().basisPoints()).isEmpty();
    assertThat(empty.levels()).hasSize(MatchLevel.values().length);
    assertThat(empty.psps()).isEmpty();
    assertThat(empty.reasons()).isEmpty();
    assertThat(empty.currencies()).isEmpty();
    assertThat(empty.atRiskMinor()).isEmpty();
    assertThat(empty.trialBalance().balanced()).isTrue();
  }
}
