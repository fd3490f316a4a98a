package dev.recon.ingestion.publish;

import dev.recon.schemas.Provenance;
import dev.recon.schemas.RawRecord;
import dev.recon.schemas.kafka.AvroCodec;
import dev.recon.schemas.kafka.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes {@link RawRecord}s keyed by tenant and returns only once the broker acknowledged them
 * from all in-sync replicas, so a connector may confirm receipt (HTTP 2xx, move the file, flag the
 * mail) only after {@link #publish} returned. Every connector goes through this one path.
 */
public final class RawRecordPublisher implements AutoCloseable {

  public static final String CORRELATION_HEADER = "recon-correlation-id";

  /** Longer than the producer's delivery timeout, so the producer gives up first and says why. */
  public static final Duration ACK_WAIT = Duration.ofSeconds(150);

  private static final AvroCodec<RawRecord> CODEC = AvroCodec.of(RawRecord.class);

  private final Producer<String, byte[]> producer;
  private final String topic;
  private final MeterRegistry meters;

  /** Counts into Micrometer's global registry, which the process's /metrics endpoint joins. */
  public RawRecordPublisher(Producer<String, byte[]> producer, String topic) {
    this(producer, topic, Metrics.globalRegistry);
  }

  public RawRecordPublisher(Producer<String, byte[]> producer, String topic, MeterRegistry meters) {
    this.producer = Objects.requireNonNull(producer, "producer");
    this.topic = Objects.requireNonNull(topic, "topic");
    this.meters = Objects.requireNonNull(meters, "meters");
  }

  /** A producer that does not lose or duplicate: idempotent, acks from all in-sync replicas. */
  public static Producer<String, byte[]> reliableProducer(String bootstrapServers) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES);
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip");
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return new KafkaProducer<>(p);
  }

  public String topic() {
    return topic;
  }

  /**
   * Sends and waits for the acknowledgement.
   *
   * @throws PublishFailedException when Kafka did not acknowledge (the caller must not confirm
   *     receipt to its source, so the source retries)
   */
  public PublishReceipt publish(RawRecord raw) {
    if (raw.getPayload().remaining() > Topics.MAX_RAW_RECORD_BYTES) {
      throw new IllegalArgumentException(
          "raw record payload over "
              + Topics.MAX_RAW_RECORD_BYTES
              + " bytes: caller must refuse it");
    }
    String tenant = raw.getProvenance().getTenantId();
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, tenant, CODEC.encode(raw));
    String correlationId = raw.getProvenance().getCorrelationId();
    if (correlationId != null) {
      record
          .headers()
          .add(
              new RecordHeader(CORRELATION_HEADER, correlationId.getBytes(StandardCharsets.UTF_8)));
    }
    try {
      RecordMetadata meta = producer.send(record).get(ACK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      count(raw, "published");
      return new PublishReceipt(raw.getRawId(), meta.topic(), meta.partition(), meta.offset());
    } catch (InterruptedException e) {
      count(raw, "failed");
      Thread.currentThread().interrupt();
      throw new PublishFailedException("interrupted while publishing " + raw.getRawId(), e);
    } catch (ExecutionException e) {
      count(raw, "failed");
      throw new PublishFailedException(
          "Kafka refused " + raw.getRawId() + ": " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      count(raw, "failed");
      throw new PublishFailedException("no acknowledgement for " + raw.getRawId(), e);
    }
  }

  /**
   * Ingest rate per connector source and tenant ({@code recon.ingest.records}, outcome published or
   * failed) and the bytes it carried; both label sets are configuration, not input.
   */
  private void count(RawRecord raw, String outcome) {
    Provenance p = raw.getProvenance();
    meters
        .counter(
            "recon.ingest.records",
            "source",
            p.getSource(),
            "tenant",
            p.getTenantId(),
            "outcome",
            outcome)
        .increment();
    if ("published".equals(outcome)) {
      meters
          .counter("recon.ingest.bytes", "source", p.getSource(), "tenant", p.getTenantId())
          .increment(raw.getPayload().remaining());
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(30));
  }
}
