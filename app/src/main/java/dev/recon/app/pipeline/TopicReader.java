package dev.recon.app.pipeline;

import dev.recon.app.platform.KafkaConnection;
import dev.recon.schemas.kafka.AvroCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads every committed record of a topic that exists now, for bounded runs' output files. */
public final class TopicReader {
  /** A bounded run's output lives in memory for the report; beyond this it must be paged. */
  public static final int MAX_RECORDS = 5_000_000;

  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration DEADLINE = Duration.ofMinutes(5);

  private final KafkaConnection kafka;
  private final int maxMessageBytes;

  public TopicReader(KafkaConnection kafka, int maxMessageBytes) {
    this.kafka = kafka;
    this.maxMessageBytes = maxMessageBytes;
  }

  /** A committed-only reader without a group, with the cluster's security settings. */
  Properties consumerProperties() {
    Properties p = kafka.properties();
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, maxMessageBytes);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return p;
  }

  public <T extends SpecificRecordBase> List<T> readAll(String topic, Class<T> type) {
    List<T> out = new ArrayList<>();
    forEach(
        topic,
        type,
        record -> {
          if (out.size() >= MAX_RECORDS) {
            throw new IllegalStateException(
                topic + " holds more than " + MAX_RECORDS + " records for one run");
          }
          out.add(record);
        });
    return out;
  }

  /**
   * Hands every committed record of {@code topic} to {@code action} without keeping it, for outputs
   * too large to hold (benchmarks count them); returns how many there were.
   */
  public <T extends SpecificRecordBase> long forEach(
      String topic, Class<T> type, Consumer<? super T> action) {
    AvroCodec<T> codec = AvroCodec.of(type);
    Properties p = consumerProperties();
    long count = 0;
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(info -> new TopicPartition(topic, info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      while (!reachedEnd(consumer, end)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("timed out reading " + topic + " up to " + end);
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
          action.accept(codec.decode(r.value()));
          count++;
        }
      }
    }
    return count;
  }

  private static boolean reachedEnd(
      KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }
}
