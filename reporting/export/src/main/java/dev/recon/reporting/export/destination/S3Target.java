package dev.recon.reporting.export.destination;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An S3 bucket, under an optional key prefix. A PUT is atomic in S3: readers see an object whole or
 * not at all. The client is built and owned by the caller (close it there).
 */
public final class S3Target implements ExportTarget {

  private final S3Client s3;
  private final String bucket;
  private final String prefix;

  /**
   * @param prefix "" or a key prefix ending in '/'
   */
  public S3Target(S3Client s3, String bucket, String prefix) {
    this.s3 = Objects.requireNonNull(s3, "s3");
    this.bucket = Objects.requireNonNull(bucket, "bucket");
    this.prefix = prefix.isEmpty() ? "" : ExportTarget.requirePrefix(prefix);
  }

  @Override
  public void put(String key, Path file) {
    s3.putObject(request(key), RequestBody.fromFile(file));
  }

  @Override
  public void put(String key, byte[] bytes) {
    s3.putObject(request(key), RequestBody.fromBytes(bytes));
  }

  @Override
  public void delete(String key) {
    s3.deleteObject(b -> b.bucket(bucket).key(prefix + ExportTarget.requireKey(key)));
  }

  @Override
  public List<String> list(String keyPrefix) {
    String full = prefix + ExportTarget.requirePrefix(keyPrefix);
    List<String> keys = new ArrayList<>();
    for (S3Object o :
        s3.listObjectsV2Paginator(
                ListObjectsV2Request.builder().bucket(bucket).prefix(full).build())
            .contents()) {
      keys.add(o.key().substring(prefix.length()));
    }
    keys.sort(null);
    return keys;
  }

  @Override
  public Optional<byte[]> read(String key, long maxBytes) throws IOException {
    GetObjectRequest get =
        GetObjectRequest.builder()
            .bucket(bucket)
            .key(prefix + ExportTarget.requireKey(key))
            .build();
    try (ResponseInputStream<GetObjectResponse> in = s3.getObject(get)) {
      Long length = in.response().contentLength();
      if (length != null && length > maxBytes) {
        throw new IOException(key + " is larger than " + maxBytes + " bytes");
      }
      return Optional.of(readAtMost(in, maxBytes, key));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    }
  }

  @Override
  public String describe() {
    return "s3://" + bucket + "/" + prefix;
  }

  private PutObjectRequest request(String key) {
    return PutObjectRequest.builder()
        .bucket(bucket)
        .key(prefix + ExportTarget.requireKey(key))
        .build();
  }

  private static byte[] readAtMost(InputStream in, long maxBytes, String key) throws IOException {
    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    if (bytes.length > maxBytes) {
      throw new IOException(key + " is larger than " + maxBytes + " bytes");
    }
    return bytes;
  }
}
