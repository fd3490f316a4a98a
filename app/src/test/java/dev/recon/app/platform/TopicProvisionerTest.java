package dev.recon.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.schemas.kafka.Topics;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TopicProvisionerTest {
  @Test
  void plansEveryTopicWithTheConfiguredLayout() {
    List<NewTopic> topics = new TopicProvisioner(3, Optional.of((short) 1)).newTopics();

    assertThat(topics).extracting(NewTopic::name).containsExactlyElementsOf(Topics.ALL);
    assertThat(topics).allSatisfy(t -> assertThat(t.numPartitions()).isEqualTo(3));
    assertThat(topics).allSatisfy(t -> assertThat(t.replicationFactor()).isEqualTo((short) 1));
  }

  @Test
  void onlyTheRawTopicAcceptsWholeFiles() {
    List<NewTopic> topics = new TopicProvisioner(2, Optional.empty()).newTopics();

    for (NewTopic topic : topics) {
      if (topic.name().equals(Topics.RAW)) {
        assertThat(topic.configs())
            .containsEntry("max.message.bytes", Integer.toString(Topics.MAX_MESSAGE_BYTES));
      } else {
        assertThat(topic.configs()).isNullOrEmpty();
      }
    }
  }

  @Test
  void withoutAReplicationFactorTheClusterDefaultApplies() {
    List<NewTopic> topics = new TopicProvisioner(2, Optional.empty()).newTopics();

    assertThat(topics).allSatisfy(t -> assertThat(t.replicationFactor()).isEqualTo((short) -1));
  }

  @Test
  void partitionsAreBounded() {
    assertThatThrownBy(() -> new TopicProvisioner(0, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new TopicProvisioner(PlatformConfig.MAX_TOPIC_PARTITIONS + 1, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
