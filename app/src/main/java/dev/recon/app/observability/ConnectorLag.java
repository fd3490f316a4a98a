package dev.recon.app.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * {@code recon_connector_lag_seconds} (connector): how far normalization is behind each connector.
 *
 * <p>Why measured this way: the casework feed already reads, in one consumer, both the raw topic
 * (what the connectors published) and normalization's committed outputs (canonical records and dead
 * letters), and every output carries its raw record's provenance unchanged: connector ({@code
 * source}, e.g. {@code sftp:adyen}) and received-at. So per connector it knows the newest
 * received-at published and the newest one normalization has processed, with no extra consumer and
 * no scan of the topic. While a newer record of a connector waits, the lag is now minus the newest
 * processed received-at; 0 when caught up. Consumer-group lag of the normalization job on the raw
 * topic would need decoding the waiting records to split it by connector, since the raw topic is
 * keyed by tenant. Limits: it only moves while {@code recon run}'s casework feed runs, and a raw
 * record from which normalization produces nothing at all (an empty file) keeps its connector
 * lagging until the connector's next record is processed.
 */
public final class ConnectorLag {

  /** Connectors followed; connector ids come from configuration, so this is only a backstop. */
  public static final int MAX_CONNECTORS = 200;

  /** What the feed saw of one connector since the process started. */
  record Progress(Instant firstPublished, Instant newestPublished, Instant newestProcessed) {

    Progress published(Instant receivedAt) {
      return new Progress(
          firstPublished == null || receivedAt.isBefore(firstPublished)
              ? receivedAt
              : firstPublished,
          newestPublished == null || receivedAt.isAfter(newestPublished)
              ? receivedAt
              : newestPublished,
          newestProcessed);
    }

    Progress processed(Instant receivedAt) {
      return new Progress(
          firstPublished,
          newestPublished,
          newestProcessed == null || receivedAt.isAfter(newestProcessed)
              ? receivedAt
              : newestProcessed);
    }

    /**
     * 0 when nothing of the connector waits; else now minus the newest processed received-at, or,
     * when nothing was processed since start, minus the oldest record seen waiting.
     */
    long secondsBehind(Instant now) {
      if (newestPublished == null
          || (newestProcessed != null && !newestPublished.isAfter(newestProcessed))) {
        return 0;
      }
      Instant since = newestProcessed != null ? newestProcessed : firstPublished;
      return Math.max(0, Duration.between(since, now).toSeconds());
    }
  }

  private static final String DROPPED = "recon.connector.lag.dropped";

  private static final Progress NOTHING = new Progress(null, null, null);

  private final Map<String, Progress> connectors = new ConcurrentHashMap<>();
  private final AtomicLong refused = new AtomicLong();
  private final Clock clock;
  private TaggedValues lag;

  public ConnectorLag(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Serves the gauges in {@code registry}; values change on {@link #refresh}. */
  public synchronized ConnectorLag register(MeterRegistry registry) {
    this.lag =
        new TaggedValues(
            "recon.connector.lag.seconds",
            "now minus the received-at time of the newest record of this connector that"
                + " normalization has processed, while newer records of it wait; 0 when caught up",
            null,
            registry);
    TaggedValues.removeLeftovers(registry, DROPPED);
    Gauge.builder(DROPPED, refused, AtomicLong::doubleValue)
        .description("records of connectors not followed: over the limit of connectors followed")
        .register(registry);
    return this;
  }

  /** A connector published a raw record (the feed read it from the raw topic). */
  public void published(String connector, Instant receivedAt) {
    update(connector, p -> p.published(receivedAt));
  }

  /** Normalization's output of a connector's record (canonical record or dead letter). */
  public void processed(String connector, Instant receivedAt) {
    update(connector, p -> p.processed(receivedAt));
  }

  private void update(String connector, UnaryOperator<Progress> change) {
    if (connector == null) {
      return;
    }
    if (!connectors.containsKey(connector) && connectors.size() >= MAX_CONNECTORS) {
      refused.incrementAndGet();
      return;
    }
    connectors.merge(connector, change.apply(NOTHING), (old, ignored) -> change.apply(old));
  }

  /** Seconds behind per connector, now. */
  public Map<String, Long> secondsBehind() {
    Instant now = clock.instant();
    Map<String, Long> out = new TreeMap<>();
    connectors.forEach((c, p) -> out.put(c, p.secondsBehind(now)));
    return out;
  }

  /** Replaces what the gauge serves with the lag as of now. */
  public synchronized void refresh() {
    if (lag == null) {
      return;
    }
    Map<Tags, Long> values = new LinkedHashMap<>();
    secondsBehind().forEach((c, s) -> values.put(Tags.of("connector", c), s));
    lag.replace(values);
  }
}
