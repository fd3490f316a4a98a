package dev.recon.reporting.casework;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An original input exactly as received (a file, a webhook body), which canonical records name by
 * {@code Provenance.content_sha256}.
 *
 * @param source connector kind and PSP/bank, e.g. {@code file:adyen}
 * @param fileName the file's name, null for a webhook or API body
 */
public record SourceDocument(String source, String fileName, Instant receivedAt, byte[] content) {

  public SourceDocument {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(content, "content");
  }

  /** Hex SHA-256 of the content, as {@code Provenance.content_sha256} carries it. */
  public String sha256() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  public static SourceDocument ofText(
      String source, String fileName, Instant receivedAt, String text) {
    return new SourceDocument(source, fileName, receivedAt, text.getBytes(StandardCharsets.UTF_8));
  }
}
