package dev.recon.app.observability;

import dev.recon.app.pipeline.StreamingPipeline;
import dev.recon.app.platform.KafkaConnection;
import dev.recon.app.platform.Platform;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.apache.flink.api.common.JobStatus;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * What "ready" means for {@code recon run}: the database answers as the application role, the Kafka
 * cluster answers, and every streaming job is RUNNING. Each check is bounded by {@link
 * #CHECK_TIMEOUT} so a probe never hangs on a dead dependency.
 */
public final class ReadinessChecks {
  static final Duration CHECK_TIMEOUT = Duration.ofSeconds(3);

  private ReadinessChecks() {}

  public static void register(MetricsEndpoint endpoint, Platform p, StreamingPipeline pipeline) {
    endpoint.readinessCheck("postgresql", () -> answers(p.database().appDataSource()));
    endpoint.readinessCheck("kafka", () -> answers(p.kafka()));
    for (StreamingPipeline.RunningJob job : pipeline.jobs()) {
      endpoint.readinessCheck("job " + job.name(), () -> running(job));
    }
  }

  static boolean answers(DataSource db) {
    try (Connection c = db.getConnection()) {
      return c.isValid((int) CHECK_TIMEOUT.toSeconds());
    } catch (SQLException e) {
      return false;
    }
  }

  static boolean answers(KafkaConnection kafka) {
    Properties props = kafkaCheckProperties(kafka);
    try (Admin admin = Admin.create(props)) {
      admin.describeCluster().clusterId().get(CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static Properties kafkaCheckProperties(KafkaConnection kafka) {
    Properties props = kafka.properties();
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) CHECK_TIMEOUT.toMillis());
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CHECK_TIMEOUT.toMillis());
    return props;
  }

  static boolean running(StreamingPipeline.RunningJob job) {
    try {
      return job.client().getJobStatus().get(CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
          == JobStatus.RUNNING;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
