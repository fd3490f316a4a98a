package dev.recon.reporting.export;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one run of one dataset wrote for one tenant. Stored after its files, so a reader that finds
 * a manifest finds every file it names complete; its {@link #watermark} is where the next run
 * starts.
 *
 * @param run sequence number of the run for this tenant and dataset, from 1
 * @param after the watermark the run started from (exclusive)
 * @param watermark the keyset position of the last row exported
 * @param rows rows of the dataset exported (each format holds them all)
 * @param complete false if the run stopped at its row limit with more rows waiting
 */
public record ExportManifest(
    String dataset,
    String tenant,
    long run,
    Instant exportedAt,
    Watermark after,
    Watermark watermark,
    long rows,
    boolean complete,
    List<ManifestFile> files) {

  public static final String FORMAT = "recon-export-manifest/1";

  public ExportManifest {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(exportedAt, "exportedAt");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(watermark, "watermark");
    files = List.copyOf(files);
    if (run < 1 || rows < 0) {
      throw new IllegalArgumentException("run must be positive and rows not negative");
    }
    if (watermark.compareTo(after) < 0) {
      throw new IllegalArgumentException("a watermark never moves back");
    }
  }

  /** Rows in the files of one format (equal to {@link #rows} for every format written). */
  public long rows(ExportFormat format) {
    return files.stream().filter(f -> f.format() == format).mapToLong(ManifestFile::rows).sum();
  }
}
