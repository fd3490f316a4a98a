package dev.recon.app.pipeline;

import dev.recon.app.platform.KafkaConnection;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.formats.avro.AvroDeserializationSchema;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * Kafka sources and sinks of Avro records for the Flink jobs. Sinks are transactional (exactly once
 * with checkpoints); sources read committed data only, so a job never sees an aborted write.
 */
public final class KafkaEndpoints {
  /** Below the broker's default transaction.max.timeout.ms (15 min); Flink's default is 1 h. */
  static final int TRANSACTION_TIMEOUT_MS = 600_000;

  private final KafkaConnection kafka;
  private final int maxMessageBytes;

  public KafkaEndpoints(KafkaConnection kafka, int maxMessageBytes) {
    this.kafka = kafka;
    this.maxMessageBytes = maxMessageBytes;
  }

  /** The cluster's security settings, for the sources (a builder takes them one by one). */
  private Map<String, String> security() {
    return kafka.security().clientProperties();
  }

  /** Reads a topic from the beginning up to the offsets that exist when the job starts. */
  public <T extends SpecificRecordBase> KafkaSource<T> boundedSource(
      String topic, Class<T> type, String groupId) {
    return boundedSource(topic, type, groupId, OffsetsInitializer.latest());
  }

  /**
   * Reads a topic from the beginning up to {@code stoppingOffsets}, e.g. offsets noted before the
   * job was submitted, so what the job reads does not depend on when its readers start.
   */
  public <T extends SpecificRecordBase> KafkaSource<T> boundedSource(
      String topic, Class<T> type, String groupId, OffsetsInitializer stoppingOffsets) {
    KafkaSourceBuilder<T> builder =
        KafkaSource.<T>builder()
            .setBootstrapServers(kafka.bootstrap())
            .setTopics(topic)
            .setGroupId(groupId)
            .setStartingOffsets(OffsetsInitializer.earliest())
            .setBounded(stoppingOffsets)
            .setValueOnlyDeserializer(AvroDeserializationSchema.forSpecific(type))
            .setProperty("isolation.level", "read_committed")
            .setProperty("max.partition.fetch.bytes", Integer.toString(maxMessageBytes))
            .setProperty("fetch.max.bytes", Integer.toString(maxMessageBytes));
    security().forEach(builder::setProperty);
    return builder.build();
  }

  /**
   * Reads a topic without end, from the offsets the group committed at its last checkpoint, or from
   * the beginning for a new group, so nothing published before the first start is missed.
   */
  public <T extends SpecificRecordBase> KafkaSource<T> continuousSource(
      String topic, Class<T> type, String groupId) {
    KafkaSourceBuilder<T> builder =
        KafkaSource.<T>builder()
            .setBootstrapServers(kafka.bootstrap())
            .setTopics(topic)
            .setGroupId(groupId)
            .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
            .setValueOnlyDeserializer(AvroDeserializationSchema.forSpecific(type))
            .setProperty("isolation.level", "read_committed")
            .setProperty("commit.offsets.on.checkpoint", "true")
            .setProperty("max.partition.fetch.bytes", Integer.toString(maxMessageBytes))
            .setProperty("fetch.max.bytes", Integer.toString(maxMessageBytes));
    security().forEach(builder::setProperty);
    return builder.build();
  }

  public <T extends SpecificRecordBase> KafkaSink<T> exactlyOnceSink(
      String topic, Class<T> type, SerializationSchema<T> tenantKey, String transactionalIdPrefix) {
    Properties producer = new Properties();
    producer.putAll(security());
    producer.setProperty("transaction.timeout.ms", Integer.toString(TRANSACTION_TIMEOUT_MS));
    producer.setProperty("max.request.size", Integer.toString(maxMessageBytes));
    producer.setProperty("enable.idempotence", "true");
    producer.setProperty("acks", "all");
    return KafkaSink.<T>builder()
        .setBootstrapServers(kafka.bootstrap())
        .setKafkaProducerConfig(producer)
        .setRecordSerializer(new TenantKeyedAvroRecords<>(topic, type, tenantKey))
        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .setTransactionalIdPrefix(transactionalIdPrefix)
        .build();
  }
}
