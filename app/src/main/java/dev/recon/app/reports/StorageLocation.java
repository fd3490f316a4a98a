package dev.recon.app.reports;

import dev.recon.reporting.delivery.FolderDestination;
import dev.recon.reporting.delivery.ReportDestination;
import dev.recon.reporting.delivery.S3Destination;
import dev.recon.reporting.export.destination.ExportTarget;
import dev.recon.reporting.export.destination.FolderTarget;
import dev.recon.reporting.export.destination.S3Target;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Where files go, as written on a command line ({@code --to}) or in the config file: a folder, or
 * {@code s3://bucket/prefix} (credentials from the AWS default chain, {@code endpoint} for an
 * S3-compatible store). One parse for exports, evidence packs and scheduled reports.
 *
 * @param folder the folder, or null for S3
 * @param prefix for S3: empty or ending in '/'
 * @param endpoint for S3: null for AWS itself
 */
public record StorageLocation(
    Path folder, String bucket, String prefix, URI endpoint, String region) {

  public static final String S3 = "s3://";

  /** The AWS region when none is given (the same default as the commands' --region). */
  public static final String DEFAULT_REGION = "eu-west-1";

  public static final int MAX_CHARS = 1024;

  public StorageLocation {
    if ((folder == null) == (bucket == null)) {
      throw new IllegalArgumentException("a folder or a bucket");
    }
    prefix = Objects.requireNonNullElse(prefix, "");
    region = Objects.requireNonNullElse(region, DEFAULT_REGION);
  }

  /**
   * @param endpoint S3-compatible endpoint or null
   * @param region AWS region or null for {@link #DEFAULT_REGION}
   * @throws IllegalArgumentException for an empty, too long or bucket-less location
   */
  public static StorageLocation parse(String to, URI endpoint, String region) {
    if (to == null || to.isBlank() || to.length() > MAX_CHARS) {
      throw new IllegalArgumentException("missing or longer than " + MAX_CHARS + " characters");
    }
    if (!to.startsWith(S3)) {
      return new StorageLocation(Path.of(to), null, "", null, region);
    }
    String rest = to.substring(S3.length());
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String prefix = slash < 0 ? "" : rest.substring(slash + 1);
    if (bucket.isEmpty()) {
      throw new IllegalArgumentException(to + ": no bucket");
    }
    if (!prefix.isEmpty() && !prefix.endsWith("/")) {
      prefix = prefix + "/";
    }
    return new StorageLocation(null, bucket, prefix, endpoint, region);
  }

  public boolean isS3() {
    return bucket != null;
  }

  /** Where exports and evidence packs are written. */
  public ExportTarget exportTarget() {
    if (!isS3()) {
      return new FolderTarget(folder);
    }
    return new S3Target(s3Client(), bucket, prefix);
  }

  /** Where delivered reports are stored. */
  public ReportDestination reportDestination() {
    if (!isS3()) {
      return new FolderDestination(folder);
    }
    return new S3Destination(s3Client(), bucket, prefix);
  }

  /**
   * The one way recon builds an S3 client, for exports, evidence packs and reports alike: the JDK's
   * HTTP client (the SDK's Netty and Apache clients are excluded), credentials from the AWS default
   * chain, and for an S3-compatible {@code endpoint} path-style addressing.
   */
  private S3Client s3Client() {
    S3ClientBuilder builder =
        S3Client.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .region(Region.of(region))
            .credentialsProvider(DefaultCredentialsProvider.builder().build());
    if (endpoint != null) {
      builder.endpointOverride(endpoint).forcePathStyle(true);
    }
    return builder.build();
  }

  @Override
  public String toString() {
    return isS3() ? S3 + bucket + "/" + prefix : folder.toString();
  }
}
