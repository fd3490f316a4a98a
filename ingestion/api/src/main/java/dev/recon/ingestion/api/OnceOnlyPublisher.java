package dev.recon.ingestion.api;

import dev.recon.ingestion.file.RawFile;
import dev.recon.ingestion.publish.PublishFailedException;
import dev.recon.ingestion.publish.PublishReceipt;
import dev.recon.ingestion.publish.RawRecordPublisher;
import dev.recon.ingestion.store.AuditEntry;
import dev.recon.ingestion.store.AuditOutcome;
import dev.recon.schemas.RawRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.common.KafkaException;

/**
 * Publishes a response body as one raw record unless the same dedupe key was published before. The
 * key is recorded only after Kafka acknowledged, so a crash in between publishes again once
 * (downstream dedupes by content hash) and never loses the response.
 */
public final class OnceOnlyPublisher {

  /** Whether the body went to Kafka now or had been published before. */
  public enum Result {
    PUBLISHED,
    DUPLICATE
  }

  private final RawRecordPublisher publisher;
  private final ConnectorState state;
  private final MeterRegistry meters;
  private final Clock clock;

  public OnceOnlyPublisher(
      RawRecordPublisher publisher, ConnectorState state, MeterRegistry meters, Clock clock) {
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.state = Objects.requireNonNull(state, "state");
    this.meters = Objects.requireNonNull(meters, "meters");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * @param connectorId the connector named in the audit entry
   * @param subject what was published, for the audit (a path or id, never content)
   * @throws PublishFailedException when Kafka did not acknowledge: the caller must not advance its
   *     progress
   */
  public Result publish(
      RawFile.Origin origin, String connectorId, String dedupeKey, String subject, byte[] body) {
    if (state.published().find(origin.tenantId(), origin.source(), dedupeKey).isPresent()) {
      audit(origin, connectorId, subject, AuditOutcome.DUPLICATE, "published before");
      count(origin, "duplicate");
      return Result.DUPLICATE;
    }
    RawRecord raw =
        RawFile.toRawRecord(origin, body, clock.instant(), UUID.randomUUID().toString());
    PublishReceipt receipt;
    try {
      receipt = publisher.publish(raw);
    } catch (KafkaException e) {
      // Thrown by send() itself (e.g. a closed producer) rather than through the future.
      throw new PublishFailedException("Kafka refused " + raw.getRawId() + ": " + e, e);
    }
    state.published().record(origin.tenantId(), origin.source(), dedupeKey, receipt);
    audit(
        origin,
        connectorId,
        subject,
        AuditOutcome.ACCEPTED,
        body.length
            + " bytes as "
            + receipt.rawId()
            + " at "
            + receipt.topic()
            + "-"
            + receipt.partition()
            + "@"
            + receipt.offset());
    count(origin, "published");
    return Result.PUBLISHED;
  }

  private void audit(
      RawFile.Origin origin,
      String connectorId,
      String subject,
      AuditOutcome outcome,
      String detail) {
    state
        .audit()
        .record(
            new AuditEntry(origin.tenantId(), connectorId, "publish", subject, outcome, detail));
  }

  private void count(RawFile.Origin origin, String outcome) {
    Counter.builder("recon.api.records")
        .description("Provider API responses handed to Kafka, or skipped as already published")
        .tag("source", origin.source())
        .tag("tenant", origin.tenantId())
        .tag("outcome", outcome)
        .register(meters)
        .increment();
  }
}
