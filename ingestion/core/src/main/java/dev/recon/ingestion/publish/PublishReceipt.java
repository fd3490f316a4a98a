package dev.recon.ingestion.publish;

import java.util.Objects;

/** Where Kafka stored a published raw record: proof that it is durable. */
public record PublishReceipt(String rawId, String topic, int partition, long offset) {
  public PublishReceipt {
    Objects.requireNonNull(rawId, "rawId");
    Objects.requireNonNull(topic, "topic");
    if (partition < 0 || offset < 0) {
      throw new IllegalArgumentException("partition and offset must not be negative");
    }
  }
}
