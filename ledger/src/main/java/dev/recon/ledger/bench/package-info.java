/**
 * {@code recon bench ledger}: the ledger's write path against a raw COPY in the same database
 * ({@link dev.recon.ledger.bench.LedgerBenchmark}).
 */
package dev.recon.ledger.bench;
