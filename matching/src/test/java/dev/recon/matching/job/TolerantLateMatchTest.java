package dev.recon.matching.job;

import static dev.recon.matching.SampleRecords.at;
import static dev.recon.matching.SampleRecords.capture;
import static dev.recon.matching.SampleRecords.expected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.recon.matching.tolerant.ToleranceRuleSet;
import dev.recon.schemas.ExceptionResolution;
import dev.recon.schemas.ExpectedPayment;
import dev.recon.schemas.Match;
import dev.recon.schemas.MatchMember;
import dev.recon.schemas.PaymentEvent;
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

/** L2 keeps what broke for the late retention: a late counterpart matches and resolves it. */
class TolerantLateMatchTest {

  private static final Duration WINDOW = Duration.ofDays(7);
  private static final Duration RETENTION = Duration.ofDays(45);
  private static final Instant LEFT = at("2025-09-17T12:00:00Z");
  private static final Instant BROKE = LEFT.plus(WINDOW);

  private KeyedOneInputStreamOperatorTestHarness<String, L1Leftover, Match> harness;

  @BeforeEach
  void open() throws Exception {
    harness = newHarness(KeyPolicy.defaults().withLateRetention(RETENTION));
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, L1Leftover, Match> newHarness(
      KeyPolicy policy) throws Exception {
    ToleranceRuleSet rules = ToleranceRuleSet.defaults();
    KeyedOneInputStreamOperatorTestHarness<String, L1Leftover, Match> h =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new TolerantMatchFunction(WINDOW, rules, policy)),
            new TolerantKeySelector(rules),
            Types.STRING);
    h.open();
    return h;
  }

  @Test
  void a_capture_after_its_expected_payment_broke_matches_exactly_and_resolves_the_break()
      throws Exception {
    ReconException missing =
        breakAlone(expected("exp-1", "ORD-1", 10_000, "EUR", "2025-09-10T12:00:00Z"));
    assertThat(missing.getReason()).isEqualTo("MISSING_IN_PSP");
    assertThat(harness.numKeyedStateEntries()).isPositive();
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);

    Instant lateLeft = BROKE.plus(Duration.ofDays(10));
    arrive(left(capture("C1:CAPTURE", "ORD-1", 10_000, 0, null, "2025-09-11T08:00:00Z"), lateLeft));
    harness.processWatermark(new Watermark(lateLeft.plus(WINDOW).toEpochMilli()));

    Match match = harness.extractOutputValues().get(0);
    assertThat(match.getLevel().name()).isEqualTo("L1");
    assertThat(match.getRule()).isEqualTo("exact-reference");
    assertThat(match.getMembers())
        .extracting(MatchMember::getRecordId)
        .containsExactly("exp-1", "C1:CAPTURE");
    assertThat(HarnessOutputs.breaks(harness)).containsExactly(missing);
    assertThat(HarnessOutputs.resolutions(harness))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getHow()).isEqualTo(ResolutionKind.LATE_MATCH);
              assertThat(r.getExceptionId()).isEqualTo(missing.getExceptionId());
              assertThat(r.getMatchId()).isEqualTo(match.getMatchId());
              assertThat(r.getRecordKind()).isEqualTo(RecordKind.EXPECTED);
              assertThat(r.getRecordId()).isEqualTo("exp-1");
              assertThat(r.getExceptionDetectedAt()).isEqualTo(missing.getDetectedAt());
              assertThat(r.getResolvedAt()).isEqualTo(match.getMatchedAt());
              assertThat(r.getTenantId()).isEqualTo(missing.getTenantId());
              assertThat(r.getDetail()).contains(match.getMatchId());
            });
    assertNothingLeft();
  }

  @Test
  void a_late_capture_on_a_reference_written_otherwise_matches_by_the_tolerance_rules()
      throws Exception {
    ReconException missing =
        breakAlone(expected("exp-6", "ord-123 ", 7_000, "EUR", "2025-09-10T12:00:00Z"));

    Instant lateLeft = BROKE.plus(Duration.ofDays(3));
    arrive(left(capture("C6:CAPTURE", "ORD123", 7_000, 0, null, "2025-09-11T12:00:00Z"), lateLeft));
    harness.processWatermark(new Watermark(lateLeft.plus(WINDOW).toEpochMilli()));

    assertThat(harness.extractOutputValues())
        .singleElement()
        .satisfies(m -> assertThat(m.getRule()).isEqualTo("normalised-reference"));
    assertThat(HarnessOutputs.breaks(harness)).containsExactly(missing);
    assertThat(HarnessOutputs.resolutions(harness))
        .extracting(ExceptionResolution::getExceptionId, ExceptionResolution::getRecordId)
        .containsExactly(tuple(missing.getExceptionId(), "exp-6"));
    assertNothingLeft();
  }

  @Test
  void a_kept_record_is_let_go_when_its_retention_ends_and_a_later_counterpart_breaks()
      throws Exception {
    breakAlone(expected("exp-1", "ORD-1", 10_000, "EUR", "2025-09-10T12:00:00Z"));

    harness.processWatermark(new Watermark(BROKE.plus(RETENTION).toEpochMilli() - 1));
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);
    harness.processWatermark(new Watermark(BROKE.plus(RETENTION).toEpochMilli()));
    assertNothingLeft();

    Instant lateLeft = BROKE.plus(RETENTION).plus(Duration.ofDays(1));
    arrive(left(capture("C1:CAPTURE", "ORD-1", 10_000, 0, null, "2025-09-11T08:00:00Z"), lateLeft));
    harness.processWatermark(new Watermark(lateLeft.plus(WINDOW).toEpochMilli()));

    assertThat(harness.extractOutputValues()).isEmpty();
    assertThat(HarnessOutputs.breaks(harness))
        .extracting(ReconException::getReason, ReconException::getRecordId)
        .containsExactly(tuple("MISSING_IN_PSP", "exp-1"), tuple("MISSING_EXPECTED", "C1:CAPTURE"));
    assertThat(HarnessOutputs.resolutions(harness)).isEmpty();
    // The capture that broke is kept in turn, until its own retention ends.
    harness.processWatermark(Watermark.MAX_WATERMARK);
    assertNothingLeft();
  }

  @Test
  void a_key_keeps_at_most_the_open_item_limit_of_broken_records_the_latest_to_break()
      throws Exception {
    harness.close();
    harness = newHarness(KeyPolicy.defaults().withLateRetention(RETENTION).withMaxOpenPerKey(2));
    for (int day = 0; day < 3; day++) {
      Instant leftAt = LEFT.plus(Duration.ofDays(day));
      arrive(
          left(
              expected("exp-" + day, "ORD-1", 1_000 + 4_000 * day, "EUR", "2025-09-10T12:00:00Z"),
              leftAt));
      harness.processWatermark(new Watermark(leftAt.plus(WINDOW).toEpochMilli()));
    }
    assertThat(HarnessOutputs.breaks(harness)).hasSize(3);

    Instant lateLeft = LEFT.plus(Duration.ofDays(20));
    arrive(left(capture("C0:CAPTURE", "ORD-1", 1_000, 0, null, "2025-09-11T08:00:00Z"), lateLeft));
    arrive(left(capture("C2:CAPTURE", "ORD-1", 9_000, 0, null, "2025-09-11T09:00:00Z"), lateLeft));
    harness.processWatermark(new Watermark(lateLeft.plus(WINDOW).toEpochMilli()));

    // exp-0 broke first and was let go: only exp-2 is still there for its capture.
    assertThat(harness.extractOutputValues())
        .singleElement()
        .satisfies(
            m ->
                assertThat(m.getMembers())
                    .extracting(MatchMember::getRecordId)
                    .containsExactly("exp-2", "C2:CAPTURE"));
    assertThat(HarnessOutputs.resolutions(harness))
        .extracting(ExceptionResolution::getRecordId)
        .containsExactly("exp-2");
    assertThat(HarnessOutputs.breaks(harness))
        .extracting(ReconException::getReason, ReconException::getRecordId)
        .contains(tuple("MISSING_EXPECTED", "C0:CAPTURE"));
    harness.processWatermark(Watermark.MAX_WATERMARK);
    assertNothingLeft();
  }

  @Test
  void without_retention_nothing_is_kept_after_a_break() throws Exception {
    harness.close();
    harness = newHarness(KeyPolicy.defaults());
    breakAlone(expected("exp-1", "ORD-1", 10_000, "EUR", "2025-09-10T12:00:00Z"));
    assertNothingLeft();
  }

  /** Lets {@code e} go from L1 at {@link #LEFT} and break at L2; returns its break. */
  private ReconException breakAlone(ExpectedPayment e) throws Exception {
    arrive(left(e, LEFT));
    harness.processWatermark(new Watermark(BROKE.toEpochMilli()));
    assertThat(harness.extractOutputValues()).isEmpty();
    return HarnessOutputs.breaks(harness).get(0);
  }

  private void arrive(L1Leftover l) throws Exception {
    harness.processElement(new StreamRecord<>(l, l.leftAtMillis));
  }

  private static L1Leftover left(ExpectedPayment e, Instant at) {
    return L1Leftover.of(e, InputKeys.expectedByReference(e), true, at.toEpochMilli());
  }

  private static L1Leftover left(PaymentEvent c, Instant at) {
    return L1Leftover.of(c, InputKeys.captureByReference(c), false, at.toEpochMilli());
  }

  private void assertNothingLeft() {
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }
}
