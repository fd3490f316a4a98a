package dev.recon.matching.job;

import dev.recon.schemas.ReconException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiter;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;

/**
 * Late data by construction rather than by timing: each reader of a source lets its first {@code
 * free} records through at once and holds the rest until the named breaks have reached a {@link
 * CollectingSink}. Records read after that are late whatever the machine's speed, while the
 * reader's earlier records keep moving its watermark, which is what raises those breaks.
 */
final class BreakGate implements RateLimiterStrategy<SourceSplit> {

  private static final long serialVersionUID = 1L;

  /** A break that never comes is a failed test, not a hung one. */
  private static final Duration PATIENCE = Duration.ofMinutes(2);

  private static final long POLL_MILLIS = 20;

  private final int free;
  private final String reason;
  private final Set<String> recordIds;

  BreakGate(int free, String reason, Set<String> recordIds) {
    this.free = free;
    this.reason = reason;
    this.recordIds = Set.copyOf(recordIds);
  }

  @Override
  public RateLimiter<SourceSplit> createRateLimiter(int parallelism) {
    return new RateLimiter<>() {
      private long acquired;

      @Override
      public CompletionStage<Void> acquire(int requestSize) {
        acquired += requestSize;
        return acquired <= free
            ? CompletableFuture.completedFuture(null)
            : CompletableFuture.runAsync(BreakGate.this::awaitBreaks);
      }
    };
  }

  private void awaitBreaks() {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (CollectingSink.countReceived(this::isAwaitedBreak) < recordIds.size()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the " + reason + " breaks of " + recordIds + " never reached the sink");
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for breaks", e);
      }
    }
  }

  private boolean isAwaitedBreak(Object o) {
    return o instanceof ReconException e
        && reason.equals(e.getReason())
        && recordIds.contains(e.getRecordId());
  }
}
