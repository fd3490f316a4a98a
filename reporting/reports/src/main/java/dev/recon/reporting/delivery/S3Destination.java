package dev.recon.reporting.delivery;

import dev.recon.reporting.render.ReportDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Reports in an S3 bucket: {@code s3://<bucket>/<prefix><tenant>/<report>/<period>/<file>}, with
 * their media type, so a browser opens a report.html or report.pdf link directly. A PUT replaces
 * the object whole: a reader never sees half a report.
 */
public final class S3Destination implements ReportDestination {

  private final S3Client s3;
  private final String bucket;
  private final String prefix;

  /**
   * @param prefix key prefix, empty or ending in '/', e.g. "reports/"
   */
  public S3Destination(S3Client s3, String bucket, String prefix) {
    this.s3 = Objects.requireNonNull(s3, "s3");
    this.bucket = Objects.requireNonNull(bucket, "bucket");
    this.prefix = Objects.requireNonNull(prefix, "prefix");
    if (!prefix.isEmpty() && (!prefix.endsWith("/") || prefix.startsWith("/"))) {
      throw new IllegalArgumentException("prefix must be empty or end (not start) with '/'");
    }
  }

  @Override
  public List<String> store(ReportBundle bundle) {
    List<String> stored = new ArrayList<>();
    for (ReportDocument document : bundle.documents()) {
      String key = prefix + bundle.folder() + document.fileName();
      s3.putObject(
          put -> put.bucket(bucket).key(key).contentType(document.mediaType()),
          RequestBody.fromBytes(document.content()));
      stored.add("s3://" + bucket + "/" + key);
    }
    return stored;
  }
}
