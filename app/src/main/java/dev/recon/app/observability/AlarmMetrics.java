package dev.recon.app.observability;

import dev.recon.app.platform.CloudWatchTarget;
import io.micrometer.cloudwatch2.CloudWatchConfig;
import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import io.micrometer.cloudwatch2.CloudWatchNamingConvention;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClientBuilder;

/**
 * The metrics the CloudWatch alarms of {@code infra/terraform/modules/alarms} read, published by
 * {@code recon run} every {@link #STEP} when a {@link CloudWatchTarget} is configured: {@value
 * #DEAD_LETTERS} (dead letters the casework feed stored during the step; the alarm sums them over
 * 15 minutes) and {@value #OPEN_BREAKS} (open breaks over all tenants the process knows, at the
 * last gauge refresh; the alarm takes the hourly maximum and its growth), each with the one
 * dimension {@value #ENVIRONMENT}.
 *
 * <p>A registry of its own, not joined to the process registry: only these two meters reach
 * CloudWatch (each metric there is billed, and any other name or dimension would not be what the
 * alarms read; see {@link AlarmMetricView}). Credentials come from the AWS SDK's default chain.
 */
public final class AlarmMetrics implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlarmMetrics.class);

  public static final String DEAD_LETTERS = "DeadLetters";
  public static final String OPEN_BREAKS = "OpenBreaks";
  public static final String ENVIRONMENT = "Environment";

  /** CloudWatch's standard resolution; the alarms' periods (15 min, 1 h) are multiples of it. */
  public static final Duration STEP = Duration.ofSeconds(60);

  /** Open breaks not known (no refresh yet, or a tenant unreadable): nothing is published. */
  private static final long UNKNOWN = -1;

  private static final AlarmMetrics OFF = new AlarmMetrics(null, null, null, null);

  private final Registry registry;
  private final CloudWatchAsyncClient client;
  private final Counter deadLetters;
  private final AtomicLong openBreaks;

  private AlarmMetrics(
      Registry registry, CloudWatchAsyncClient client, Counter deadLetters, AtomicLong openBreaks) {
    this.registry = registry;
    this.client = client;
    this.deadLetters = deadLetters;
    this.openBreaks = openBreaks;
  }

  /** Publishes nothing; every call is a no-op. */
  public static AlarmMetrics off() {
    return OFF;
  }

  /** Publishes to {@code target} from now on, every {@link #STEP}, signed by the default chain. */
  public static AlarmMetrics publishTo(CloudWatchTarget target) {
    return publishTo(target, null, Clock.SYSTEM, /* scheduled= */ true);
  }

  /**
   * @param credentials null: the SDK's default chain, owned (and closed) by the client
   * @param scheduled publish every {@link #STEP} on a thread of its own (else only on {@link
   *     #publishNow})
   */
  static AlarmMetrics publishTo(
      CloudWatchTarget target, AwsCredentialsProvider credentials, Clock clock, boolean scheduled) {
    CloudWatchAsyncClientBuilder builder =
        CloudWatchAsyncClient.builder().region(Region.of(target.region()));
    if (credentials != null) {
      builder.credentialsProvider(credentials);
    }
    if (target.endpointOverride() != null) {
      builder.endpointOverride(target.endpointOverride());
    }
    CloudWatchAsyncClient client = builder.build();
    AlarmMetrics metrics = on(target, client, clock, scheduled);
    LOG.info(
        "publishing {} and {} to {} every {} s",
        DEAD_LETTERS,
        OPEN_BREAKS,
        target,
        STEP.toSeconds());
    return metrics;
  }

  /** The meters in a registry publishing through {@code client}, which {@link #close} closes. */
  static AlarmMetrics on(
      CloudWatchTarget target, CloudWatchAsyncClient client, Clock clock, boolean scheduled) {
    Registry registry = new Registry(config(target.namespace(), scheduled), clock, client);
    registry.config().namingConvention(new CloudWatchNamingConvention(AlarmMetricView.NAMES));
    registry.config().meterFilter(AlarmMetricView.filter(target.environment()));
    Counter deadLetters =
        Counter.builder(DEAD_LETTERS)
            .description("dead letters the casework feed stored")
            .baseUnit("count")
            .register(registry);
    AtomicLong openBreaks = new AtomicLong(UNKNOWN);
    Gauge.builder(OPEN_BREAKS, openBreaks, v -> v.get() < 0 ? Double.NaN : v.get())
        .description("open breaks over all tenants")
        .baseUnit("count")
        .register(registry);
    return new AlarmMetrics(registry, client, deadLetters, openBreaks);
  }

  private static CloudWatchConfig config(String namespace, boolean scheduled) {
    return new CloudWatchConfig() {
      @Override
      public String get(String key) {
        return null;
      }

      @Override
      public String namespace() {
        return namespace;
      }

      @Override
      public Duration step() {
        return STEP;
      }

      @Override
      public boolean enabled() {
        return scheduled;
      }
    };
  }

  public boolean publishing() {
    return registry != null;
  }

  /** The casework feed stored {@code count} more dead letters. */
  public void deadLetters(long count) {
    if (count < 0) {
      throw new IllegalArgumentException("a negative number of dead letters");
    }
    if (deadLetters != null && count > 0) {
      deadLetters.increment(count);
    }
  }

  /**
   * Open breaks over all tenants as of the last refresh; empty when not known (a tenant could not
   * be read: a partial total would show as a drop and then a jump, which the growth alarm reads as
   * new breaks), so nothing is published for it until a complete refresh. A tenant whose read was
   * truncated at its row limit still counts, with the reasons it read: a lower bound, which {@link
   * OpenBreakGauges} warns about and counts.
   */
  public void openBreaks(OptionalLong total) {
    if (openBreaks == null) {
      return;
    }
    if (total.isPresent() && total.getAsLong() < 0) {
      throw new IllegalArgumentException("a negative number of open breaks");
    }
    openBreaks.set(total.orElse(UNKNOWN));
  }

  /** Sends the last completed step's figures now (tests; the schedule does it otherwise). */
  void publishNow() {
    if (registry != null) {
      registry.publishNow();
    }
  }

  /** Publishes what the current step has counted so far, then stops. */
  @Override
  public void close() {
    if (registry == null) {
      return;
    }
    registry.close();
    client.close();
  }

  /** Micrometer's registry with its publishing step callable on demand. */
  private static final class Registry extends CloudWatchMeterRegistry {
    Registry(CloudWatchConfig config, Clock clock, CloudWatchAsyncClient client) {
      super(
          config,
          clock,
          client,
          r -> {
            Thread t = new Thread(r, "recon-cloudwatch-publisher");
            t.setDaemon(true);
            return t;
          });
    }

    void publishNow() {
      publish();
    }
  }
}
