package dev.recon.normalization.bench;

import dev.recon.normalization.format.Format;
import java.util.Locale;

/**
 * The timed passes over one generated file. Rates are of wall time unless named CPU.
 *
 * @param rows canonical records one parse produces (one per data row, entry or statement line)
 * @param bytes size of the generated file
 * @param millis wall time of the best timed pass, after a warm-up pass over the same file
 * @param rowsPerSecond records per second of the best pass
 * @param bytesPerSecond bytes per second of the best pass
 * @param passes timed passes
 * @param medianMillis wall time of the median pass
 * @param medianRowsPerSecond records per second of the median pass
 * @param medianBytesPerSecond bytes per second of the median pass
 * @param cpuBytesPerSecond bytes per second of CPU time of the whole process (parser thread, GC and
 *     JIT threads) in the median pass: the rate per core
 * @param loadAverage the machine's one-minute load average after the passes (-1 if unknown)
 * @param streamed true when records went to a sink as parsed, false when collected into a list
 */
public record ParseBenchResult(
    Format format,
    int rows,
    long bytes,
    long millis,
    long rowsPerSecond,
    long bytesPerSecond,
    int passes,
    long medianMillis,
    long medianRowsPerSecond,
    long medianBytesPerSecond,
    long cpuBytesPerSecond,
    double loadAverage,
    boolean streamed) {

  /** The per-core target for the CSV formats, in bytes per second (50 MB/s). */
  public static final long CSV_TARGET_BYTES_PER_SECOND = 50_000_000L;

  /** Whether the target applies: it is set for the CSV formats only. */
  public boolean hasTarget() {
    return SyntheticFiles.isCsv(format);
  }

  /** Whether the median pass reached the CSV target in wall time (false without a target). */
  public boolean meetsTarget() {
    return hasTarget() && medianBytesPerSecond >= CSV_TARGET_BYTES_PER_SECOND;
  }

  /** One line for a terminal; MB is 10^6 bytes. */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "%s: %,d bytes, %,d records, %s, %d timed pass%s after a warm-up: best %,d ms = %.1f MB/s,"
            + " %,d records/s; median %,d ms = %.1f MB/s, %,d records/s; %.1f MB per CPU-second of"
            + " the process; load average %s%s",
        format.cliName(),
        bytes,
        rows,
        streamed ? "streamed" : "collected",
        passes,
        passes == 1 ? "" : "es",
        millis,
        bytesPerSecond / 1e6,
        rowsPerSecond,
        medianMillis,
        medianBytesPerSecond / 1e6,
        medianRowsPerSecond,
        cpuBytesPerSecond / 1e6,
        loadAverage < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", loadAverage),
        hasTarget()
            ? "; CSV target 50 MB/s per core (median, wall): " + (meetsTarget() ? "met" : "NOT met")
            : "");
  }
}
