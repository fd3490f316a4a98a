package dev.recon.matching.job;

import static dev.recon.matching.SampleRecords.at;
import static dev.recon.matching.SampleRecords.capture;
import static dev.recon.matching.SampleRecords.pspRow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.schemas.Match;
import dev.recon.schemas.MatchMember;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.PaymentEventType;
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

/** A chargeback that broke MISSING_ORIGINAL is kept: its late capture still links to it. */
class OriginalLinkLateMatchTest {

  private static final Duration WINDOW = Duration.ofDays(7);
  private static final Duration RETENTION = Duration.ofDays(45);
  private static final Instant DECIDED = at("2025-09-19T11:00:00Z");

  private KeyedOneInputStreamOperatorTestHarness<String, PaymentEvent, Match> harness;

  @BeforeEach
  void open() throws Exception {
    harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(
                new OriginalLinkFunction(
                    WINDOW, KeyPolicy.defaults().withLateRetention(RETENTION), false)),
            InputKeys::linkByOriginal,
            Types.STRING);
    harness.open();
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void a_capture_after_its_chargeback_broke_links_to_it_and_resolves_the_break() throws Exception {
    ReconException missing = chargebackBreaks();
    assertThat(harness.numKeyedStateEntries()).isPositive();

    PaymentEvent late = capture("P9:CAPTURE", "ORD-9", 1_500, 0, "1128", "2025-09-11T08:00:00Z");
    process(late);
    // Its own window: the key's latest record plus the window, long passed; the next watermark.
    harness.processWatermark(new Watermark(DECIDED.plus(Duration.ofDays(20)).toEpochMilli()));

    Match link = harness.extractOutputValues().get(0);
    assertThat(link.getRule()).isEqualTo("original-capture");
    assertThat(link.getMembers())
        .extracting(MatchMember::getRecordId)
        .containsExactly("P9:CAPTURE", "P9:CB");
    assertThat(HarnessOutputs.breaks(harness)).containsExactly(missing);
    assertThat(HarnessOutputs.resolutions(harness))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getHow()).isEqualTo(ResolutionKind.LATE_MATCH);
              assertThat(r.getExceptionId()).isEqualTo(missing.getExceptionId());
              assertThat(r.getMatchId()).isEqualTo(link.getMatchId());
              assertThat(r.getRecordKind()).isEqualTo(RecordKind.PSP_TXN);
              assertThat(r.getRecordId()).isEqualTo("P9:CB");
              assertThat(r.getExceptionDetectedAt()).isEqualTo(missing.getDetectedAt());
            });
    assertNothingLeft();
  }

  @Test
  void a_chargeback_is_let_go_when_its_retention_ends() throws Exception {
    chargebackBreaks();
    harness.processWatermark(new Watermark(DECIDED.plus(RETENTION).toEpochMilli() - 1));
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);

    harness.processWatermark(new Watermark(DECIDED.plus(RETENTION).toEpochMilli()));

    assertNothingLeft();
    assertThat(HarnessOutputs.resolutions(harness)).isEmpty();
  }

  private ReconException chargebackBreaks() throws Exception {
    process(
        pspRow(
            PaymentEventType.CHARGEBACK,
            "P9:CB",
            "ORD-9",
            -1_500,
            0,
            "1128",
            "2025-09-12T11:00:00Z"));
    harness.processWatermark(new Watermark(DECIDED.toEpochMilli()));
    assertThat(harness.extractOutputValues()).isEmpty();
    ReconException missing = HarnessOutputs.breaks(harness).get(0);
    assertThat(missing.getReason()).isEqualTo("MISSING_ORIGINAL");
    return missing;
  }

  private void process(PaymentEvent e) throws Exception {
    harness.processElement(new StreamRecord<>(e, e.getEventTime().toEpochMilli()));
  }

  private void assertNothingLeft() {
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }
}
