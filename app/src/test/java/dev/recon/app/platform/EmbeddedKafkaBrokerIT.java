package dev.recon.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.schemas.kafka.Topics;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EmbeddedKafkaBrokerIT {
  private static final Duration POLL = Duration.ofMillis(200);

  @TempDir Path logDir;

  @Test
  void listensOnLoopbackOnly() throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(logDir);
        Admin admin = admin(broker)) {
      assertThat(broker.bootstrapServers()).startsWith("127.0.0.1:");
      assertThat(admin.describeCluster().nodes().get())
          .extracting(Node::host)
          .containsExactly("127.0.0.1");
    }
  }

  @Test
  void idempotentProducerAndReadCommittedConsumerRoundTripARecord() throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(logDir)) {
      createTopic(broker, "round-trip");
      try (KafkaProducer<String, String> producer =
          new KafkaProducer<>(
              Map.of(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  broker.bootstrapServers(),
                  ProducerConfig.ACKS_CONFIG,
                  "all",
                  ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                  true),
              new StringSerializer(),
              new StringSerializer())) {
        producer.send(new ProducerRecord<>("round-trip", 0, "tenant-a", "hello")).get();
      }

      List<ConsumerRecord<String, String>> records = readCommitted(broker, "round-trip", 1);

      assertThat(records).extracting(ConsumerRecord::key).containsExactly("tenant-a");
      assertThat(records).extracting(ConsumerRecord::value).containsExactly("hello");
    }
  }

  @Test
  void committedTransactionsAreVisibleAndAbortedOnesAreNot() throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(logDir)) {
      createTopic(broker, "transactions");
      try (KafkaProducer<String, String> producer =
          new KafkaProducer<>(
              Map.of(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  broker.bootstrapServers(),
                  ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                  "recon-it",
                  // Flink's EXACTLY_ONCE sink asks for a timeout like this one.
                  ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                  60_000),
              new StringSerializer(),
              new StringSerializer())) {
        producer.initTransactions();
        producer.beginTransaction();
        // Written to the log, then aborted: a read_committed consumer must skip it.
        RecordMetadata aborted =
            producer.send(new ProducerRecord<>("transactions", 0, "t", "aborted")).get();
        producer.abortTransaction();
        producer.beginTransaction();
        RecordMetadata committed =
            producer.send(new ProducerRecord<>("transactions", 0, "t", "committed")).get();
        producer.commitTransaction();
        assertThat(committed.offset()).isGreaterThan(aborted.offset());
      }

      List<ConsumerRecord<String, String>> records = readCommitted(broker, "transactions", 1);

      assertThat(records).extracting(ConsumerRecord::value).containsExactly("committed");
    }
  }

  @Test
  void acceptsAWholeFileOnTheRawTopic() throws Exception {
    byte[] file = new byte[Topics.MAX_RAW_RECORD_BYTES];
    file[file.length - 1] = 42;
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(logDir)) {
      new TopicProvisioner(1, Optional.of((short) 1))
          .provision(KafkaConnection.plaintext(broker.bootstrapServers()));
      RecordMetadata written;
      try (KafkaProducer<byte[], byte[]> producer =
          new KafkaProducer<>(
              Map.of(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  broker.bootstrapServers(),
                  ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                  Topics.MAX_MESSAGE_BYTES,
                  ProducerConfig.BUFFER_MEMORY_CONFIG,
                  4L * Topics.MAX_MESSAGE_BYTES),
              new ByteArraySerializer(),
              new ByteArraySerializer())) {
        written = producer.send(new ProducerRecord<>(Topics.RAW, 0, null, file)).get();
      }

      assertThat(written.serializedValueSize()).isEqualTo(file.length);
      try (KafkaConsumer<byte[], byte[]> consumer =
          new KafkaConsumer<>(
              Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
              new ByteArrayDeserializer(),
              new ByteArrayDeserializer())) {
        TopicPartition partition = new TopicPartition(Topics.RAW, 0);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        byte[] read = null;
        while (read == null) {
          for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
            read = r.value();
          }
        }
        assertThat(read).isEqualTo(file);
      }
    }
  }

  @Test
  void stopsCleanlyAndRestartsOnTheSameLogDirWithItsData() throws Exception {
    Set<String> threadsBefore = LoopbackChecks.nonDaemonThreads();
    String clusterId;
    int firstPort;
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(logDir)) {
      firstPort = LoopbackChecks.port(broker.bootstrapServers());
      createTopic(broker, "durable");
      try (KafkaProducer<String, String> producer =
          new KafkaProducer<>(
              Map.of(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  broker.bootstrapServers(),
                  ProducerConfig.ACKS_CONFIG,
                  "all"),
              new StringSerializer(),
              new StringSerializer())) {
        producer.send(new ProducerRecord<>("durable", 0, "k", "kept")).get();
      }
      try (Admin admin = admin(broker)) {
        clusterId = admin.describeCluster().clusterId().get();
      }
    }

    assertThat(LoopbackChecks.canBind(firstPort)).isTrue();
    assertThat(LoopbackChecks.nonDaemonThreads()).isSubsetOf(threadsBefore);

    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(logDir);
        Admin admin = admin(broker)) {
      assertThat(admin.describeCluster().clusterId().get()).isEqualTo(clusterId);
      assertThat(readCommitted(broker, "durable", 1))
          .extracting(ConsumerRecord::value)
          .containsExactly("kept");
    }
  }

  @Test
  void closingTwiceIsHarmless() throws Exception {
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(logDir);
    broker.close();
    broker.close();

    assertThat(LoopbackChecks.canBind(LoopbackChecks.port(broker.bootstrapServers()))).isTrue();
  }

  @Test
  void retriesOnFreshPortsWhenAPickedPortWasTakenMeanwhile() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, LoopbackPorts.address())) {
      int takenPort = taken.getLocalPort();
      Deque<List<Integer>> pairs = new ArrayDeque<>();
      pairs.add(List.of(takenPort, LoopbackPorts.free(1).get(0)));
      pairs.add(List.of(LoopbackPorts.free(1).get(0), takenPort));

      try (EmbeddedKafkaBroker broker =
          EmbeddedKafkaBroker.start(
              logDir, () -> pairs.isEmpty() ? LoopbackPorts.free(2) : pairs.poll())) {
        assertThat(pairs).isEmpty();
        assertThat(LoopbackChecks.port(broker.bootstrapServers())).isNotEqualTo(takenPort);
        createTopic(broker, "after-retries");
      }
    }
  }

  @Test
  void givesUpWhenNoPortCanBeBound() throws Exception {
    Set<String> threadsBefore = LoopbackChecks.nonDaemonThreads();
    try (ServerSocket broker = new ServerSocket(0, 1, LoopbackPorts.address());
        ServerSocket controller = new ServerSocket(0, 1, LoopbackPorts.address())) {
      List<Integer> alwaysTaken = List.of(broker.getLocalPort(), controller.getLocalPort());

      assertThatThrownBy(() -> EmbeddedKafkaBroker.start(logDir, () -> alwaysTaken))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("could not bind");
    }
    assertThat(LoopbackChecks.nonDaemonThreads()).isSubsetOf(threadsBefore);
  }

  private static Admin admin(EmbeddedKafkaBroker broker) {
    return Admin.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
  }

  private static void createTopic(EmbeddedKafkaBroker broker, String topic) throws Exception {
    try (Admin admin = admin(broker)) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
  }

  /**
   * Reads partition 0 from the start until {@code count} records came (the test timeout bounds it).
   */
  private static List<ConsumerRecord<String, String>> readCommitted(
      EmbeddedKafkaBroker broker, String topic, int count) {
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"),
            new StringDeserializer(),
            new StringDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      List<ConsumerRecord<String, String>> records = new ArrayList<>();
      while (records.size() < count) {
        consumer.poll(POLL).forEach(records::add);
      }
      // Anything after the expected records (an aborted one would come first) shows up here.
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      while (consumer.position(partition) < end) {
        consumer.poll(POLL).forEach(records::add);
      }
      return records;
    }
  }
}
