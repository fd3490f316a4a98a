package dev.recon.normalization.bench;

import dev.recon.normalization.format.Format;

/**
 * One timed parse of a generated file.
 *
 * @param rows canonical records the parse produced (one per data row, entry or statement line)
 * @param bytes size of the generated file
 * @param millis wall time of the timed pass, after a warm-up pass over the same file
 */
public record ParseBenchResult(
    Format format, int rows, long bytes, long millis, long rowsPerSecond, long bytesPerSecond) {

  /** One line for a terminal. */
  public String summary() {
    return String.format(
        java.util.Locale.ROOT,
        "%s: %,d rows, %,d bytes in %,d ms: %,d rows/s, %,d bytes/s",
        format.cliName(),
        rows,
        bytes,
        millis,
        rowsPerSecond,
        bytesPerSecond);
  }
}
