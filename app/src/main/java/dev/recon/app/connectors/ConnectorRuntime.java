package dev.recon.app.connectors;

import dev.recon.app.platform.KafkaConnection;
import dev.recon.app.platform.PlatformConfigResolver;
import dev.recon.app.platform.ReliableProducer;
import dev.recon.ingestion.publish.RawRecordPublisher;
import dev.recon.ingestion.schedule.ScheduledTask;
import dev.recon.ingestion.schedule.TaskLeases;
import dev.recon.ingestion.schedule.TaskScheduler;
import dev.recon.ingestion.secret.SecretResolver;
import dev.recon.ingestion.store.TenantTransactions;
import dev.recon.ingestion.webhook.WebhookCollaborators;
import dev.recon.ingestion.webhook.WebhookServer;
import dev.recon.schemas.kafka.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running connectors of {@code recon run}: the webhook receiver, and every polling connector on
 * its cron schedule under a PostgreSQL lease. All publish through one idempotent producer to the
 * raw topic.
 */
public final class ConnectorRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectorRuntime.class);

  /** Polls run on their own threads; more due at once wait for a free one. */
  public static final int POLL_THREADS = 4;

  private final RawRecordPublisher publisher;
  private final TaskScheduler scheduler;
  private final WebhookServer webhooks;
  private final List<String> taskIds;
  private final List<String> extraTaskIds = new java.util.concurrent.CopyOnWriteArrayList<>();

  private ConnectorRuntime(
      RawRecordPublisher publisher,
      TaskScheduler scheduler,
      WebhookServer webhooks,
      List<String> taskIds) {
    this.publisher = publisher;
    this.scheduler = scheduler;
    this.webhooks = webhooks;
    this.taskIds = List.copyOf(taskIds);
  }

  /**
   * @param appRole a pooled data source of the application login (row-level security applies)
   */
  public static ConnectorRuntime start(
      ConnectorPlan plan,
      KafkaConnection kafka,
      DataSource appRole,
      SecretResolver secrets,
      MeterRegistry meters,
      Clock clock) {
    return start(plan, kafka, Topics.RAW, appRole, secrets, meters, clock);
  }

  /** As above, publishing to {@code rawTopic} instead of the platform's raw topic. */
  public static ConnectorRuntime start(
      ConnectorPlan plan,
      KafkaConnection kafka,
      String rawTopic,
      DataSource appRole,
      SecretResolver secrets,
      MeterRegistry meters,
      Clock clock) {
    RawRecordPublisher publisher = new RawRecordPublisher(ReliableProducer.create(kafka), rawTopic);
    ConnectorServices services =
        ConnectorServices.of(publisher, new TenantTransactions(appRole), secrets, meters, clock);
    TaskScheduler scheduler =
        new TaskScheduler(new TaskLeases(appRole), processIdentity(), clock, POLL_THREADS);
    WebhookServer server = null;
    List<String> taskIds = new ArrayList<>();
    try {
      if (plan.webhooks().isPresent()) {
        server =
            WebhookServer.start(
                plan.webhooks().get(),
                new WebhookCollaborators(
                    publisher, services.published(), services.audit(), secrets, clock));
        LOG.info("webhook receiver listening on port {}", server.port());
      }
      for (PlannedPoll poll : plan.polls()) {
        scheduler.schedule(
            new ScheduledTask(
                poll.taskId(), poll.schedule(), poll.lease(), poll.poll().apply(services)));
        taskIds.add(poll.taskId());
        LOG.info("connector {} scheduled {}", poll.taskId(), poll.schedule());
      }
    } catch (RuntimeException e) {
      if (server != null) {
        server.close();
      }
      scheduler.close();
      publisher.close();
      throw e;
    }
    return new ConnectorRuntime(publisher, scheduler, server, taskIds);
  }

  /**
   * Environment variables and files always; AWS Secrets Manager when a region is configured ({@code
   * AWS_REGION}), with the SDK's default credential chain.
   */
  public static SecretResolver secretResolver(Map<String, String> environment, Clock clock) {
    // the same sources as the platform's own passwords
    return PlatformConfigResolver.secretSources(environment, clock);
  }

  /** Unique per process life, so a restarted process never holds its previous life's leases. */
  public static String processIdentity() {
    return ManagementFactory.getRuntimeMXBean().getName()
        + "-"
        + UUID.randomUUID().toString().substring(0, 8);
  }

  public Optional<Integer> webhookPort() {
    return webhooks == null ? Optional.empty() : Optional.of(webhooks.port());
  }

  public List<String> taskIds() {
    List<String> all = new ArrayList<>(taskIds);
    all.addAll(extraTaskIds);
    return all;
  }

  /** Schedules other platform work (scheduled reconciliations) under the same leases. */
  public void schedule(ScheduledTask task) {
    scheduler.schedule(task);
    extraTaskIds.add(task.taskId());
  }

  /** Runs one polling connector now (on demand), if no other process is running it. */
  public TaskScheduler.RunResult runNow(String taskId) {
    return scheduler.runNow(taskId);
  }

  @Override
  public void close() {
    if (webhooks != null) {
      webhooks.close();
    }
    scheduler.close();
    publisher.close();
  }
}
