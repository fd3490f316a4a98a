package dev.recon.matching.job;

import static dev.recon.matching.SampleRecords.at;
import static dev.recon.matching.SampleRecords.capture;
import static dev.recon.matching.SampleRecords.payout;
import static dev.recon.matching.SampleRecords.pspRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.recon.schemas.ExceptionResolution;
import dev.recon.schemas.Match;
import dev.recon.schemas.MatchMember;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.PaymentEventType;
import dev.recon.schemas.ReconException;
import dev.recon.schemas.ResolutionKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** L3 keeps a batch decided with breaks for the late retention: a late record decides it again. */
class SettlementLateMatchTest {

  private static final Duration WINDOW = Duration.ofDays(7);
  private static final Duration RETENTION = Duration.ofDays(45);

  // Nets: 9750 + 4370 = 14120
  private final List<PaymentEvent> rows =
      List.of(
          capture("C1:CAPTURE", "ORD-1", 10_000, 250, "1128", "2025-09-11T08:00:00Z"),
          capture("C2:CAPTURE", "ORD-2", 4_500, 130, "1128", "2025-09-11T09:00:00Z"));

  /** The rows' window end: the latest row plus the window. */
  private static final Instant DECIDED = at("2025-09-18T09:00:00Z");

  private KeyedOneInputStreamOperatorTestHarness<String, PaymentEvent, Match> harness;

  @BeforeEach
  void open() throws Exception {
    harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(
                new SettlementMatchFunction(
                    WINDOW, KeyPolicy.defaults().withLateRetention(RETENTION))),
            InputKeys::batchMember,
            Types.STRING);
    harness.open();
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void a_payout_after_its_batch_broke_matches_it_and_resolves_the_missing_payout()
      throws Exception {
    rows.forEach(this::process);
    harness.processWatermark(new Watermark(DECIDED.toEpochMilli()));
    ReconException missing = HarnessOutputs.breaks(harness).get(0);
    assertThat(missing.getReason()).isEqualTo("MISSING_PAYOUT");
    assertThat(harness.numKeyedStateEntries()).isPositive();

    PaymentEvent late = payout("1128:EUR", "1128", 14_120, "TX539", "2025-09-25T15:17:00Z");
    process(late);
    harness.processWatermark(new Watermark(late.getEventTime().toEpochMilli()));

    Match match = harness.extractOutputValues().get(0);
    assertThat(match.getRule()).isEqualTo("batch-net-sum");
    assertThat(match.getMembers())
        .extracting(MatchMember::getRecordId)
        .containsExactly("C1:CAPTURE", "C2:CAPTURE", "1128:EUR");
    assertThat(HarnessOutputs.breaks(harness)).containsExactly(missing);
    assertThat(HarnessOutputs.resolutions(harness))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getHow()).isEqualTo(ResolutionKind.LATE_MATCH);
              assertThat(r.getExceptionId()).isEqualTo(missing.getExceptionId());
              assertThat(r.getMatchId()).isEqualTo(match.getMatchId());
              assertThat(r.getExceptionDetectedAt()).isEqualTo(missing.getDetectedAt());
              assertThat(r.getResolvedAt()).isEqualTo(match.getMatchedAt());
            });
    assertNothingLeft();
  }

  @Test
  void
      a_late_row_that_balances_a_short_payout_resolves_the_short_and_one_that_does_not_raises_nothing()
          throws Exception {
    rows.forEach(this::process);
    process(payout("1128:EUR", "1128", 13_520, "TX539", "2025-09-25T15:17:00Z"));
    harness.processWatermark(new Watermark(at("2025-10-02T15:17:00Z").toEpochMilli()));
    ReconException shortPaid = HarnessOutputs.breaks(harness).get(0);
    assertThat(shortPaid.getReason()).isEqualTo("PAYOUT_SHORT");

    // A row that does not balance it: the batch is decided again, the short stays open, once.
    process(pspRow(PaymentEventType.FEE, "F1:FEE", null, -100, 0, "1128", "2025-09-12T12:00:00Z"));
    harness.processWatermark(new Watermark(at("2025-10-03T00:00:00Z").toEpochMilli()));
    assertThat(harness.extractOutputValues()).isEmpty();
    assertThat(HarnessOutputs.breaks(harness)).containsExactly(shortPaid);

    process(pspRow(PaymentEventType.FEE, "F2:FEE", null, -500, 0, "1128", "2025-09-12T13:00:00Z"));
    harness.processWatermark(new Watermark(at("2025-10-04T00:00:00Z").toEpochMilli()));

    assertThat(harness.extractOutputValues()).hasSize(1);
    assertThat(HarnessOutputs.resolutions(harness))
        .extracting(ExceptionResolution::getExceptionId, ExceptionResolution::getRecordId)
        .containsExactly(tuple(shortPaid.getExceptionId(), "1128:EUR"));
    assertThat(HarnessOutputs.breaks(harness)).containsExactly(shortPaid);
    assertNothingLeft();
  }

  @Test
  void a_batch_is_let_go_when_its_retention_ends() throws Exception {
    rows.forEach(this::process);
    harness.processWatermark(new Watermark(DECIDED.toEpochMilli()));
    harness.processWatermark(new Watermark(DECIDED.plus(RETENTION).toEpochMilli() - 1));
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);

    harness.processWatermark(new Watermark(DECIDED.plus(RETENTION).toEpochMilli()));

    assertNothingLeft();
    assertThat(HarnessOutputs.resolutions(harness)).isEmpty();
  }

  private void process(PaymentEvent e) {
    try {
      harness.processElement(new StreamRecord<>(e, e.getEventTime().toEpochMilli()));
    } catch (Exception ex) {
      throw new IllegalStateException(ex);
    }
  }

  private void assertNothingLeft() {
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }
}
