package dev.recon.app.cli;

import dev.recon.app.reports.StorageLocation;
import java.net.URI;
import java.nio.file.Files;
import java.util.regex.Pattern;

/**
 * {@code --to} of the export commands: {@code s3://bucket/prefix} (credentials and region from the
 * AWS default chain, {@code --s3-endpoint} for an S3-compatible store) or a folder. Checked before
 * anything starts, so a mistyped destination costs no platform start.
 */
final class ExportTargets {

  /** S3's bucket naming rules, which S3-compatible stores follow too. */
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

  /** Something written as a URL that is not S3's: not meant as a folder named "gs:". */
  private static final String URL_SEPARATOR = "://";

  private ExportTargets() {}

  /**
   * The destination {@code to} names.
   *
   * @throws IllegalArgumentException starting with {@code --to}: too long, not an S3 URL or a
   *     folder path, a bucket S3 would refuse, or an existing file that is no folder
   */
  static StorageLocation location(String to, URI s3Endpoint, String region) {
    StorageLocation location;
    try {
      location = StorageLocation.parse(to, s3Endpoint, region);
    } catch (IllegalArgumentException e) {
      // InvalidPathException is one too: the reason names the character
      throw new IllegalArgumentException("--to " + e.getMessage(), e);
    }
    if (location.isS3()) {
      if (!BUCKET.matcher(location.bucket()).matches()) {
        throw new IllegalArgumentException(
            "--to "
                + to
                + ": not an S3 bucket name (3 to 63 lowercase letters, digits, '.' and '-')");
      }
    } else if (to.contains(URL_SEPARATOR)) {
      throw new IllegalArgumentException(
          "--to " + to + ": a folder or " + StorageLocation.S3 + "BUCKET/PREFIX, no other URL");
    } else if (Files.exists(location.folder()) && !Files.isDirectory(location.folder())) {
      throw new IllegalArgumentException("--to " + to + ": a file, not a folder");
    }
    return location;
  }
}
