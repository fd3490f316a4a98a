package dev.recon.app.pipeline;

import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.formats.avro.AvroSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes Avro records keyed by tenant. The Kafka timestamp is left to the producer (wall clock): a
 * Flink element's timestamp is its event time, which for a break raised at window expiry can lie
 * days in the future, and brokers reject records too far ahead of their clock.
 */
final class TenantKeyedAvroRecords<T extends SpecificRecordBase>
    implements KafkaRecordSerializationSchema<T> {
  private static final long serialVersionUID = 1L;

  private final String topic;
  private final SerializationSchema<T> key;
  private final AvroSerializationSchema<T> value;

  TenantKeyedAvroRecords(String topic, Class<T> type, SerializationSchema<T> tenantKey) {
    this.topic = topic;
    this.key = tenantKey;
    this.value = AvroSerializationSchema.forSpecific(type);
  }

  @Override
  public void open(SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext)
      throws Exception {
    key.open(context);
    value.open(context);
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(
      T element, KafkaSinkContext context, Long timestamp) {
    return new ProducerRecord<>(
        topic, null, null, key.serialize(element), value.serialize(element));
  }
}
