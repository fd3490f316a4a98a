package dev.recon.app.pipeline;

import dev.recon.app.platform.KafkaConnection;
import dev.recon.app.platform.TopicProvisioner;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates and removes the topics of one pipeline instance. */
public final class TopicAdmin implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TopicAdmin.class);
  private static final long TIMEOUT_SECONDS = 60;

  private final Admin admin;

  public TopicAdmin(KafkaConnection kafka) {
    this.admin = Admin.create(kafka.properties());
  }

  /**
   * Creates the topics that do not exist yet; existing ones are left as they are. A run's topics
   * all take large records: a settlement match carries every row of its batch.
   */
  public void create(List<String> names, int partitions, short replication) {
    try {
      new TopicProvisioner(partitions, Optional.of(replication), names, Set.copyOf(names))
          .provision(admin);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted creating topics " + names, e);
    }
  }

  /** Removes a finished run's topics; a failure only leaves garbage behind, so it is logged. */
  public void deleteQuietly(List<String> names) {
    try {
      admin.deleteTopics(names).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      LOG.warn("could not delete run topics {}: {}", names, e.toString());
    }
  }

  @Override
  public void close() {
    admin.close();
  }
}
