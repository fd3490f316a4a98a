package dev.recon.app.platform;

import dev.recon.schemas.kafka.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates every topic in {@link Topics#ALL} that does not exist yet; existing topics are left as
 * they are, so running it again (every start) changes nothing.
 */
public final class TopicProvisioner {
  private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

  /** How long to wait for the cluster to answer before giving up. */
  public static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final int partitions;
  private final Optional<Short> replicationFactor;
  private final List<String> names;
  private final Set<String> largeMessageTopics;

  /**
   * The platform's shared topics ({@link Topics#ALL}); only the raw topic takes large messages.
   *
   * @param partitions partitions of each new topic
   * @param replicationFactor replicas of each new topic; empty: the cluster's default
   */
  public TopicProvisioner(int partitions, Optional<Short> replicationFactor) {
    this(partitions, replicationFactor, Topics.ALL, Set.of(Topics.RAW));
  }

  /**
   * Any set of topics, e.g. one bounded run's.
   *
   * @param largeMessageTopics those of {@code names} whose records may be as large as {@link
   *     Topics#MAX_MESSAGE_BYTES}
   */
  public TopicProvisioner(
      int partitions,
      Optional<Short> replicationFactor,
      List<String> names,
      Set<String> largeMessageTopics) {
    if (partitions < 1 || partitions > PlatformConfig.MAX_TOPIC_PARTITIONS) {
      throw new IllegalArgumentException("partitions out of range: " + partitions);
    }
    this.partitions = partitions;
    this.replicationFactor = replicationFactor;
    this.names = List.copyOf(names);
    this.largeMessageTopics = Set.copyOf(largeMessageTopics);
  }

  /** The topics {@link #provision} creates when none exists. */
  public List<NewTopic> newTopics() {
    List<NewTopic> topics = new ArrayList<>();
    for (String name : names) {
      NewTopic topic = new NewTopic(name, Optional.of(partitions), replicationFactor);
      if (largeMessageTopics.contains(name)) {
        topic.configs(
            Map.of(
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(Topics.MAX_MESSAGE_BYTES)));
      }
      topics.add(topic);
    }
    return List.copyOf(topics);
  }

  /** Creates the missing topics on the cluster {@code kafka}. */
  public List<String> provision(KafkaConnection kafka) throws InterruptedException {
    try (Admin admin = Admin.create(adminProperties(kafka))) {
      return provision(admin);
    }
  }

  static Map<String, Object> adminProperties(KafkaConnection kafka) {
    Map<String, Object> p = kafka.asMap();
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
    return p;
  }

  /**
   * Creates the missing topics and returns the names of those it created. Fails if the cluster
   * cannot be reached or refuses a topic for any reason other than that it exists.
   */
  public List<String> provision(Admin admin) throws InterruptedException {
    CreateTopicsResult result = admin.createTopics(newTopics());
    List<String> created = new ArrayList<>();
    for (String name : names) {
      try {
        result.values().get(name).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        created.add(name);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw new IllegalStateException("Could not create Kafka topic " + name, e.getCause());
        }
      } catch (TimeoutException e) {
        throw new IllegalStateException("Kafka did not answer creating topic " + name, e);
      }
    }
    for (String name : largeMessageTopics) {
      if (!created.contains(name)) {
        warnIfTooSmallForLargeMessages(admin, name);
      }
    }
    LOG.info("Kafka topics: created {}, {} already there", created, names.size() - created.size());
    return List.copyOf(created);
  }

  /** A pre-existing topic with a smaller limit would refuse large records at run time. */
  private static void warnIfTooSmallForLargeMessages(Admin admin, String topic)
      throws InterruptedException {
    ConfigResource raw = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    try {
      Config config =
          admin
              .describeConfigs(List.of(raw))
              .all()
              .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
              .get(raw);
      ConfigEntry limit = config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
      if (limit != null && Long.parseLong(limit.value()) < Topics.MAX_MESSAGE_BYTES) {
        LOG.warn(
            "Topic {} exists with {}={}, below the {} bytes its records may need",
            topic,
            TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
            limit.value(),
            Topics.MAX_MESSAGE_BYTES);
      }
    } catch (ExecutionException | TimeoutException | NumberFormatException e) {
      LOG.warn("Could not check {} of topic {}", TopicConfig.MAX_MESSAGE_BYTES_CONFIG, topic, e);
    }
  }
}
