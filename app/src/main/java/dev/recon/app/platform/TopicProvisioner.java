package dev.recon.app.platform;

import dev.recon.schemas.kafka.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  /**
   * @param partitions partitions of each new topic
   * @param replicationFactor replicas of each new topic; empty: the cluster's default
   */
  public TopicProvisioner(int partitions, Optional<Short> replicationFactor) {
    if (partitions < 1 || partitions > PlatformConfig.MAX_TOPIC_PARTITIONS) {
      throw new IllegalArgumentException("partitions out of range: " + partitions);
    }
    this.partitions = partitions;
    this.replicationFactor = replicationFactor;
  }

  /** The topics {@link #provision} creates when none exists. */
  public List<NewTopic> newTopics() {
    List<NewTopic> topics = new ArrayList<>();
    for (String name : Topics.ALL) {
      NewTopic topic = new NewTopic(name, Optional.of(partitions), replicationFactor);
      if (name.equals(Topics.RAW)) {
        topic.configs(
            Map.of(
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(Topics.MAX_MESSAGE_BYTES)));
      }
      topics.add(topic);
    }
    return List.copyOf(topics);
  }

  /** Creates the missing topics on the cluster at {@code bootstrapServers}. */
  public List<String> provision(String bootstrapServers) throws InterruptedException {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) TIMEOUT.toMillis()))) {
      return provision(admin);
    }
  }

  /**
   * Creates the missing topics and returns the names of those it created. Fails if the cluster
   * cannot be reached or refuses a topic for any reason other than that it exists.
   */
  public List<String> provision(Admin admin) throws InterruptedException {
    CreateTopicsResult result = admin.createTopics(newTopics());
    List<String> created = new ArrayList<>();
    for (String name : Topics.ALL) {
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
    if (!created.contains(Topics.RAW)) {
      warnIfRawTopicTooSmall(admin);
    }
    LOG.info(
        "Kafka topics: created {}, {} already there", created, Topics.ALL.size() - created.size());
    return List.copyOf(created);
  }

  /** A pre-existing raw topic with a smaller limit would refuse large files at run time. */
  private static void warnIfRawTopicTooSmall(Admin admin) throws InterruptedException {
    ConfigResource raw = new ConfigResource(ConfigResource.Type.TOPIC, Topics.RAW);
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
            "Topic {} exists with {}={}, below the {} bytes raw records may need",
            Topics.RAW,
            TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
            limit.value(),
            Topics.MAX_MESSAGE_BYTES);
      }
    } catch (ExecutionException | TimeoutException | NumberFormatException e) {
      LOG.warn(
          "Could not check {} of topic {}", TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Topics.RAW, e);
    }
  }
}
