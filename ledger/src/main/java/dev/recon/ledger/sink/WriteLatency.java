package dev.recon.ledger.sink;

import dev.recon.ledger.db.WriteResult;
import java.util.concurrent.TimeUnit;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * How long the ledger takes to accept a batch: the sum and count of batch write times (their ratio
 * is the mean latency over any scrape interval), the last batch's time, and what the batches
 * carried. Under the {@value #GROUP} metric group, where the platform's reporters find recon's
 * business metrics.
 */
final class WriteLatency {
  static final String GROUP = "recon";

  private final Counter batches;
  private final Counter millis;
  private final Counter entries;
  private final Counter postings;
  private volatile long lastMillis;

  WriteLatency(MetricGroup sinkGroup) {
    MetricGroup g = sinkGroup.addGroup(GROUP);
    batches = g.counter("ledgerWriteBatches");
    millis = g.counter("ledgerWriteMillis");
    entries = g.counter("ledgerEntriesWritten");
    postings = g.counter("ledgerPostingsWritten");
    g.gauge("ledgerLastWriteMillis", () -> lastMillis);
  }

  void record(long elapsedNanos, WriteResult result) {
    long ms = TimeUnit.NANOSECONDS.toMillis(elapsedNanos);
    lastMillis = ms;
    batches.inc();
    millis.inc(ms);
    entries.inc(result.entriesInserted());
    postings.inc(result.postingsInserted());
  }
}
