package dev.recon.ingestion.file;

import dev.recon.ingestion.publish.PublishFailedException;
import dev.recon.ingestion.publish.PublishReceipt;
import dev.recon.ingestion.publish.RawRecordPublisher;
import dev.recon.schemas.RawRecord;
import dev.recon.schemas.kafka.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import org.apache.kafka.clients.producer.Producer;
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
  public static final String CORRELATION_HEADER = RawRecordPublisher.CORRELATION_HEADER;

  private final RawRecordPublisher publisher;
  private final Clock clock;

  public FileIngestor(Producer<String, byte[]> producer, String topic, Clock clock) {
    this.publisher = new RawRecordPublisher(producer, topic);
    this.clock = clock;
  }

  /** A producer that does not lose or duplicate: idempotent, acks from all in-sync replicas. */
  public static Producer<String, byte[]> reliableProducer(String bootstrapServers) {
    return RawRecordPublisher.reliableProducer(bootstrapServers);
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
    RawRecord raw =
        RawFile.toRawRecord(origin, payload, clock.instant(), UUID.randomUUID().toString());
    PublishReceipt receipt;
    try {
      receipt = publisher.publish(raw);
    } catch (PublishFailedException e) {
      throw new IllegalStateException("Kafka refused " + file + ": " + e.getMessage(), e);
    }
    LOG.info(
        "published {} ({} bytes, sha256 {}) for tenant {} as {} at {}-{}@{}",
        origin.fileName(),
        payload.length,
        raw.getProvenance().getContentSha256(),
        origin.tenantId(),
        raw.getRawId(),
        receipt.topic(),
        receipt.partition(),
        receipt.offset());
    return new IngestOutcome.Published(
        file,
        raw.getRawId(),
        raw.getProvenance().getContentSha256(),
        receipt.partition(),
        receipt.offset());
  }
}
