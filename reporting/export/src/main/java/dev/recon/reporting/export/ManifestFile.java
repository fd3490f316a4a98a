package dev.recon.reporting.export;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One file of an export run.
 *
 * @param path the file's key relative to the target's root
 * @param sha256 lower-case hex digest of the file's bytes
 */
public record ManifestFile(
    String path, ExportFormat format, LocalDate date, long rows, long bytes, String sha256) {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  public ManifestFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(date, "date");
    if (rows < 0 || bytes < 0) {
      throw new IllegalArgumentException("rows and bytes must not be negative");
    }
    if (sha256 == null || !SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
    }
  }
}
