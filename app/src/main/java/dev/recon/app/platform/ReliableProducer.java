package dev.recon.app.platform;

import dev.recon.schemas.kafka.Topics;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The connectors' raw-record producer, built here rather than by ingestion's {@code
 * RawRecordPublisher.reliableProducer(String)} (which knows only bootstrap servers) so that it
 * carries the cluster's security settings. Same reliability settings as ingestion's.
 */
public final class ReliableProducer {
  static final int DELIVERY_TIMEOUT_MS = 120_000;

  private ReliableProducer() {}

  /** Idempotent, acks from all in-sync replicas, the cluster's security settings. */
  public static Producer<String, byte[]> create(KafkaConnection kafka) {
    return new KafkaProducer<>(properties(kafka));
  }

  static Properties properties(KafkaConnection kafka) {
    Properties p = kafka.properties();
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES);
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip");
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, DELIVERY_TIMEOUT_MS);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return p;
  }
}
