package dev.recon.ingestion.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.ingestion.file.RawFile;
import dev.recon.schemas.RawRecord;
import dev.recon.schemas.kafka.AvroCodec;
import dev.recon.schemas.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class RawRecordPublisherTest {

  private static RawRecord raw(byte[] payload) {
    return RawFile.toRawRecord(
        new RawFile.Origin("acme", "webhook:stripe", "stripe", "evt_1.json", null),
        payload,
        Instant.parse("2026-11-25T10:00:00Z"),
        "corr-1");
  }

  @Test
  void publishesKeyedByTenantWithCorrelationHeaderAndReturnsWhereItLanded() {
    MockProducer<String, byte[]> producer =
        new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    RawRecordPublisher publisher = new RawRecordPublisher(producer, "recon.raw");

    RawRecord record = raw("{}".getBytes(StandardCharsets.UTF_8));
    PublishReceipt receipt = publisher.publish(record);

    assertThat(receipt.rawId()).isEqualTo(record.getRawId());
    assertThat(receipt.topic()).isEqualTo("recon.raw");
    assertThat(producer.history()).hasSize(1);
    var sent = producer.history().get(0);
    assertThat(sent.key()).isEqualTo("acme");
    assertThat(
            new String(
                sent.headers().lastHeader(RawRecordPublisher.CORRELATION_HEADER).value(),
                StandardCharsets.UTF_8))
        .isEqualTo("corr-1");
    assertThat(AvroCodec.of(RawRecord.class).decode(sent.value()).getRawId())
        .isEqualTo(record.getRawId());
  }

  @Test
  void aRefusalByKafkaIsAPublishFailureSoTheSourceIsNotConfirmed() {
    MockProducer<String, byte[]> producer =
        new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
    RawRecordPublisher publisher = new RawRecordPublisher(producer, "recon.raw");
    Thread failer =
        new Thread(
            () -> {
              while (!producer.errorNext(
                  new org.apache.kafka.common.errors.TimeoutException("down"))) {
                Thread.onSpinWait();
              }
            });
    failer.start();
    assertThatThrownBy(() -> publisher.publish(raw(new byte[] {1})))
        .isInstanceOf(PublishFailedException.class)
        .hasMessageContaining("down");
  }

  @Test
  void aPayloadOverTheLimitIsNeverSent() {
    MockProducer<String, byte[]> producer =
        new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    RawRecordPublisher publisher = new RawRecordPublisher(producer, "recon.raw");
    assertThatThrownBy(
            () -> publisher.publish(raw(new byte[(int) Topics.MAX_RAW_RECORD_BYTES + 1])))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(producer.history()).isEmpty();
  }
}
