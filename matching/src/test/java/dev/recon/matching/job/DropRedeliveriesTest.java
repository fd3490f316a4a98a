package dev.recon.matching.job;

import static dev.recon.matching.SampleRecords.at;
import static dev.recon.matching.SampleRecords.capture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.matching.redelivery.DeliveryFingerprint;
import dev.recon.schemas.PaymentEvent;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DropRedeliveriesTest {

  private static final Duration HORIZON = Duration.ofDays(7);

  private KeyedOneInputStreamOperatorTestHarness<String, PaymentEvent, PaymentEvent> harness;

  @BeforeEach
  void open() throws Exception {
    harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(
                new DropRedeliveries<PaymentEvent>(HORIZON, InputKeys::eventTime)),
            DeliveryFingerprint::of,
            Types.STRING);
    harness.open();
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void the_same_row_delivered_twice_passes_once_and_is_forgotten_after_the_horizon()
      throws Exception {
    PaymentEvent row = capture("C1:CAPTURE", "ORD-1", 100, 0, "1128", "2025-09-11T00:00:00Z");
    PaymentEvent again = PaymentEvent.newBuilder(row).build();
    again.getProvenance().setLine(42);
    PaymentEvent other = capture("C2:CAPTURE", "ORD-1", 100, 0, "1128", "2025-09-11T00:00:00Z");

    process(row);
    process(again);
    process(other);

    assertThat(harness.extractOutputValues())
        .extracting(PaymentEvent::getEventId)
        .containsExactly("C1:CAPTURE", "C2:CAPTURE");

    harness.processWatermark(new Watermark(at("2025-09-18T00:00:00Z").toEpochMilli()));
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  private void process(PaymentEvent event) throws Exception {
    harness.processElement(new StreamRecord<>(event, event.getEventTime().toEpochMilli()));
  }
}
