package dev.recon.ingestion.file;

import dev.recon.schemas.RawRecord;
import dev.recon.schemas.kafka.AvroCodec;
import dev.recon.schemas.kafka.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes whole files as {@link RawRecord}s, keyed by tenant. It never parses business content;
 * it only enforces the size limit and waits for the broker's acknowledgement, so a file reported as
 * published is durable.
 */
public final class FileIngestor {
  private static final Logger LOG = LoggerFactory.getLogger(FileIngestor.class);
  public static final long MAX_FILE_BYTES = Topics.MAX_RAW_RECORD_BYTES;
  public static final String CORRELATION_HEADER = "recon-correlation-id";

  private static final AvroCodec<RawRecord> CODEC = AvroCodec.of(RawRecord.class);

  private final Producer<String, byte[]> producer;
  private final String topic;
  private final Clock clock;

  public FileIngestor(Producer<String, byte[]> producer, String topic, Clock clock) {
    this.producer = producer;
    this.topic = topic;
    this.clock = clock;
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

  public IngestOutcome ingest(Path file, RawFile.Origin origin) {
    byte[] payload;
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        return new IngestOutcome.Refused(
            file, "file is " + size + " bytes, over the limit of " + MAX_FILE_BYTES + " bytes");
      }
      payload = Files.readAllBytes(file);
    } catch (IOException e) {
      return new IngestOutcome.Refused(file, "cannot read file: " + e.getMessage());
    }
    if (payload.length > MAX_FILE_BYTES) {
      return new IngestOutcome.Refused(file, "file grew over the limit while being read");
    }
    String correlationId = UUID.randomUUID().toString();
    RawRecord raw = RawFile.toRawRecord(origin, payload, clock.instant(), correlationId);
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(topic, origin.tenantId(), CODEC.encode(raw));
    record
        .headers()
        .add(new RecordHeader(CORRELATION_HEADER, correlationId.getBytes(StandardCharsets.UTF_8)));
    try {
      RecordMetadata meta = producer.send(record).get();
      LOG.info(
          "published {} ({} bytes, sha256 {}) for tenant {} as {} at {}-{}@{}",
          origin.fileName(),
          payload.length,
          raw.getProvenance().getContentSha256(),
          origin.tenantId(),
          raw.getRawId(),
          meta.topic(),
          meta.partition(),
          meta.offset());
      return new IngestOutcome.Published(
          file,
          raw.getRawId(),
          raw.getProvenance().getContentSha256(),
          meta.partition(),
          meta.offset());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while publishing " + file, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Kafka refused " + file + ": " + e.getCause(), e.getCause());
    }
  }
}
