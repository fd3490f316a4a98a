package dev.recon.app.cli;

import dev.recon.reporting.export.destination.ExportTarget;
import dev.recon.reporting.export.destination.FolderTarget;
import dev.recon.reporting.export.destination.S3Target;
import java.net.URI;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * {@code --to} of the export commands: {@code s3://bucket/prefix} (credentials and region from the
 * AWS default chain, {@code --s3-endpoint} for an S3-compatible store) or a folder.
 */
final class ExportTargets {
  static final String S3 = "s3://";

  private ExportTargets() {}

  static ExportTarget of(String to, URI s3Endpoint, String region) {
    if (!to.startsWith(S3)) {
      return new FolderTarget(Path.of(to));
    }
    String rest = to.substring(S3.length());
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String prefix = slash < 0 ? "" : rest.substring(slash + 1);
    if (bucket.isEmpty()) {
      throw new IllegalArgumentException("--to " + to + ": no bucket");
    }
    return new S3Target(
        S3Target.client(
            s3Endpoint, Region.of(region), DefaultCredentialsProvider.builder().build()),
        bucket,
        prefix);
  }
}
