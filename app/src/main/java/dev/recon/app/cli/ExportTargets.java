package dev.recon.app.cli;

import dev.recon.app.reports.StorageLocation;
import dev.recon.reporting.export.destination.ExportTarget;
import java.net.URI;

/**
 * {@code --to} of the export commands: {@code s3://bucket/prefix} (credentials and region from the
 * AWS default chain, {@code --s3-endpoint} for an S3-compatible store) or a folder.
 */
final class ExportTargets {

  private ExportTargets() {}

  static ExportTarget of(String to, URI s3Endpoint, String region) {
    try {
      return StorageLocation.parse(to, s3Endpoint, region).exportTarget();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--to " + e.getMessage(), e);
    }
  }
}
