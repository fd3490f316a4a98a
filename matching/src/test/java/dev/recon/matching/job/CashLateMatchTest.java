package dev.recon.matching.job;

import static dev.recon.matching.SampleRecords.at;
import static dev.recon.matching.SampleRecords.bankLine;
import static dev.recon.matching.SampleRecords.payout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.recon.schemas.ExceptionResolution;
import dev.recon.schemas.Match;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.MatchMember;
import dev.recon.schemas.ReconException;
import dev.recon.schemas.RecordKind;
import dev.recon.schemas.ResolutionKind;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** L4 keeps a payout that broke for the late retention: a late bank line still matches it. */
class CashLateMatchTest {

  private static final Duration WINDOW = Duration.ofDays(7);
  private static final Duration RETENTION = Duration.ofDays(45);
  private static final long MAX_BANK_FEE = 1_500;
  private static final Instant PAYOUT_LEFT = at("2025-10-02T15:17:00Z");
  private static final Instant BROKE = PAYOUT_LEFT.plus(WINDOW);

  private KeyedOneInputStreamOperatorTestHarness<String, L4Leftover, Match> harness;

  @BeforeEach
  void open() throws Exception {
    harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(
                new CashLeftoverFunction(
                    WINDOW, MAX_BANK_FEE, KeyPolicy.defaults().withLateRetention(RETENTION))),
            InputKeys::cashLeftover,
            Types.STRING);
    harness.open();
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void a_bank_line_after_its_payout_broke_matches_as_l4_would_have_and_resolves_the_break()
      throws Exception {
    ReconException missing = payoutBreaks();
    assertThat(missing.getReason()).isEqualTo("MISSING_IN_BANK");
    assertThat(harness.numKeyedStateEntries()).isPositive();

    Instant lineLeft = BROKE.plus(Duration.ofDays(20));
    leave(
        L4Leftover.of(
            bankLine("L1", 11_920, "2025-09-26", "2025-09-26", "ADYEN TX53913667600XT BATCH 1128"),
            lineLeft.toEpochMilli()));
    harness.processWatermark(new Watermark(lineLeft.plus(WINDOW).toEpochMilli()));

    Match match = harness.extractOutputValues().get(0);
    assertThat(match.getLevel()).isEqualTo(MatchLevel.L4);
    assertThat(match.getRule()).isEqualTo("amount-reference");
    assertThat(match.getConfidence()).isEqualTo(100);
    assertThat(match.getMembers())
        .extracting(MatchMember::getRecordId)
        .containsExactly("1128:EUR", "L1");
    assertThat(HarnessOutputs.breaks(harness)).containsExactly(missing);
    assertThat(HarnessOutputs.resolutions(harness))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getHow()).isEqualTo(ResolutionKind.LATE_MATCH);
              assertThat(r.getExceptionId()).isEqualTo(missing.getExceptionId());
              assertThat(r.getMatchId()).isEqualTo(match.getMatchId());
              assertThat(r.getRecordKind()).isEqualTo(RecordKind.PAYOUT);
              assertThat(r.getRecordId()).isEqualTo("1128:EUR");
              assertThat(r.getExceptionDetectedAt()).isEqualTo(missing.getDetectedAt());
              assertThat(r.getResolvedAt()).isEqualTo(match.getMatchedAt());
            });
    assertNothingLeft();
  }

  @Test
  void a_late_line_short_by_a_bank_fee_matches_by_the_fee_rule_and_resolves_the_break()
      throws Exception {
    ReconException missing = payoutBreaks();

    Instant lineLeft = BROKE.plus(Duration.ofDays(2));
    leave(
        L4Leftover.of(
            bankLine("L1", 10_920, "2025-09-26", "2025-09-26", "ADYEN TX53913667600XT"),
            lineLeft.toEpochMilli()));
    harness.processWatermark(new Watermark(lineLeft.plus(WINDOW).toEpochMilli()));

    assertThat(harness.extractOutputValues())
        .singleElement()
        .satisfies(m -> assertThat(m.getRule()).isEqualTo("bank-fee-reference"));
    assertThat(HarnessOutputs.resolutions(harness))
        .extracting(ExceptionResolution::getExceptionId, ExceptionResolution::getRecordId)
        .containsExactly(tuple(missing.getExceptionId(), "1128:EUR"));
    assertThat(HarnessOutputs.breaks(harness)).containsExactly(missing);
    assertNothingLeft();
  }

  @Test
  void a_payout_is_let_go_when_its_retention_ends_and_a_later_line_breaks() throws Exception {
    payoutBreaks();
    harness.processWatermark(new Watermark(BROKE.plus(RETENTION).toEpochMilli() - 1));
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);
    harness.processWatermark(new Watermark(BROKE.plus(RETENTION).toEpochMilli()));
    assertNothingLeft();

    Instant lineLeft = BROKE.plus(RETENTION).plus(Duration.ofDays(1));
    leave(
        L4Leftover.of(
            bankLine("L1", 11_920, "2025-09-26", "2025-09-26", "ADYEN TX53913667600XT"),
            lineLeft.toEpochMilli()));
    harness.processWatermark(Watermark.MAX_WATERMARK);

    assertThat(harness.extractOutputValues()).isEmpty();
    assertThat(HarnessOutputs.resolutions(harness)).isEmpty();
    assertThat(HarnessOutputs.breaks(harness))
        .extracting(ReconException::getReason)
        .containsExactly("MISSING_IN_BANK", "UNMATCHED_BANK_LINE");
    assertNothingLeft();
  }

  private ReconException payoutBreaks() throws Exception {
    leave(
        L4Leftover.of(
            payout("1128:EUR", "1128", 11_920, "TX53913667600XT", "2025-09-25T15:17:00Z"),
            PAYOUT_LEFT.toEpochMilli()));
    harness.processWatermark(new Watermark(BROKE.toEpochMilli()));
    assertThat(harness.extractOutputValues()).isEmpty();
    return HarnessOutputs.breaks(harness).get(0);
  }

  private void leave(L4Leftover leftover) throws Exception {
    harness.processElement(new StreamRecord<>(leftover, leftover.leftAtMillis));
  }

  private void assertNothingLeft() {
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }
}
