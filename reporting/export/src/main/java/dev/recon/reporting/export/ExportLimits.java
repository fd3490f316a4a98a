package dev.recon.reporting.export;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds of one export run.
 *
 * @param rowsPerFile rows per part file
 * @param maxRowsPerRun rows per dataset and run; the rest is exported by the next run (the
 *     watermark says where this one stopped)
 * @param maxBytesPerRun total size of the files of one dataset and run; a run that would exceed it
 *     fails before anything is stored
 * @param settleMargin rows written less than this long ago wait for the next run, so that a writer
 *     transaction still open cannot commit rows behind the watermark
 */
public record ExportLimits(
    int rowsPerFile, long maxRowsPerRun, long maxBytesPerRun, Duration settleMargin) {

  public static final int DEFAULT_ROWS_PER_FILE = 1_000_000;
  public static final long DEFAULT_MAX_ROWS_PER_RUN = 50_000_000L;
  public static final long DEFAULT_MAX_BYTES_PER_RUN = 8L * 1024 * 1024 * 1024;
  public static final Duration DEFAULT_SETTLE_MARGIN = Duration.ofMinutes(2);

  public static final ExportLimits DEFAULT =
      new ExportLimits(
          DEFAULT_ROWS_PER_FILE,
          DEFAULT_MAX_ROWS_PER_RUN,
          DEFAULT_MAX_BYTES_PER_RUN,
          DEFAULT_SETTLE_MARGIN);

  public ExportLimits {
    Objects.requireNonNull(settleMargin, "settleMargin");
    if (rowsPerFile < 1 || maxRowsPerRun < 1 || maxBytesPerRun < 1 || settleMargin.isNegative()) {
      throw new IllegalArgumentException("export limits must be positive");
    }
  }
}
