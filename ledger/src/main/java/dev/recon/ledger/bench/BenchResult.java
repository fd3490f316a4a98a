package dev.recon.ledger.bench;

/**
 * What one {@link LedgerBenchmark#run} measured. Rates are postings per second of wall-clock time,
 * row generation on the client included on both sides.
 *
 * @param postings postings requested
 * @param ledgerPostingsWritten postings the ledger writer reported inserted
 * @param ledgerPostingsCounted postings of the bench tenants counted in the ledger afterwards
 * @param rawRowsCopied rows the raw COPY reported
 * @param ledgerNanos time to write through {@link dev.recon.ledger.db.LedgerWriter}
 * @param rawNanos time of the raw COPY into an unconstrained, unindexed, unpartitioned table
 * @param tenants the bench tenants whose rows stay in the append-only ledger
 */
public record BenchResult(
    int postings,
    long ledgerPostingsWritten,
    long ledgerPostingsCounted,
    long rawRowsCopied,
    long ledgerNanos,
    long rawNanos,
    java.util.List<String> tenants) {

  public BenchResult {
    tenants = java.util.List.copyOf(tenants);
  }

  public double ledgerPostingsPerSecond() {
    return perSecond(ledgerPostingsWritten, ledgerNanos);
  }

  public double rawPostingsPerSecond() {
    return perSecond(rawRowsCopied, rawNanos);
  }

  /** How many times faster the raw COPY is than the ledger path: the price of the invariants. */
  public double rawToLedgerRatio() {
    return rawPostingsPerSecond() / ledgerPostingsPerSecond();
  }

  private static double perSecond(long rows, long nanos) {
    return nanos <= 0 ? 0 : rows * 1e9 / nanos;
  }
}
