package dev.recon.ingestion.webhook.limit;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Reads a request body without ever holding more than the limit: it reads at most {@code limit + 1}
 * bytes and gives up as soon as the extra byte shows the body is too large.
 */
public final class BoundedBody {

  private BoundedBody() {}

  /** The whole body, or empty when it has more than {@code limit} bytes. */
  public static Optional<byte[]> read(InputStream in, int limit) throws IOException {
    if (limit < 0 || limit == Integer.MAX_VALUE) {
      throw new IllegalArgumentException("limit must be 0.." + (Integer.MAX_VALUE - 1));
    }
    byte[] body = in.readNBytes(limit + 1);
    return body.length > limit ? Optional.empty() : Optional.of(body);
  }

  /** A declared Content-Length already over the limit: refuse before reading a byte. */
  public static boolean declaredTooLarge(long contentLength, int limit) {
    return contentLength > limit;
  }
}
