package dev.recon.ingestion.sftp;

import dev.recon.ingestion.publish.PublishReceipt;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How far the poller got with the one file it is working on, stored in PostgreSQL (as an offset
 * map) before each step that cannot be undone, so a crash anywhere resumes without losing or
 * doubling the file: {@code DOWNLOADED} (content hashed, dedupe decided, publication may have
 * started), {@code PUBLISHED} (Kafka acknowledged, the file still to be archived), {@code ARCHIVED}
 * (done), {@code RELEASED} (given back unprocessed because it changed or vanished).
 *
 * @param duplicate the content had already been published when the file was downloaded
 * @param receipt where Kafka stored the record (PUBLISHED and later; null for duplicates)
 * @param movedTo the archive path (ARCHIVED only, when known)
 */
public record TransferProgress(
    Stage stage,
    String path,
    long size,
    long mtimeSeconds,
    String contentSha256,
    boolean duplicate,
    PublishReceipt receipt,
    String movedTo) {

  public enum Stage {
    DOWNLOADED,
    PUBLISHED,
    ARCHIVED,
    RELEASED
  }

  public TransferProgress {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(contentSha256, "contentSha256");
    if (stage == Stage.PUBLISHED && receipt == null && !duplicate) {
      throw new IllegalArgumentException("a published file has a receipt");
    }
  }

  public static TransferProgress downloaded(
      String path, long size, long mtimeSeconds, String sha256, boolean duplicate) {
    return new TransferProgress(
        Stage.DOWNLOADED, path, size, mtimeSeconds, sha256, duplicate, null, null);
  }

  public TransferProgress published(PublishReceipt at) {
    return new TransferProgress(
        Stage.PUBLISHED, path, size, mtimeSeconds, contentSha256, duplicate, at, null);
  }

  public TransferProgress archived(String archivePath) {
    return new TransferProgress(
        Stage.ARCHIVED, path, size, mtimeSeconds, contentSha256, duplicate, receipt, archivePath);
  }

  public TransferProgress released() {
    return new TransferProgress(
        Stage.RELEASED, path, size, mtimeSeconds, contentSha256, duplicate, receipt, null);
  }

  /** The file still needs work (publication or archiving). */
  public boolean inFlight() {
    return stage == Stage.DOWNLOADED || stage == Stage.PUBLISHED;
  }

  public Map<String, String> toMap() {
    Map<String, String> m = new HashMap<>();
    m.put("stage", stage.name());
    m.put("path", path);
    m.put("size", Long.toString(size));
    m.put("mtime", Long.toString(mtimeSeconds));
    m.put("sha256", contentSha256);
    m.put("duplicate", Boolean.toString(duplicate));
    if (receipt != null) {
      m.put("raw_id", receipt.rawId());
      m.put("topic", receipt.topic());
      m.put("partition", Integer.toString(receipt.partition()));
      m.put("offset", Long.toString(receipt.offset()));
    }
    if (movedTo != null) {
      m.put("moved_to", movedTo);
    }
    return m;
  }

  /**
   * @throws IllegalArgumentException when the map is not a progress record
   */
  public static TransferProgress fromMap(Map<String, String> m) {
    try {
      PublishReceipt receipt =
          m.containsKey("raw_id")
              ? new PublishReceipt(
                  m.get("raw_id"),
                  m.get("topic"),
                  Integer.parseInt(m.get("partition")),
                  Long.parseLong(m.get("offset")))
              : null;
      String duplicate = m.get("duplicate");
      if (!"true".equals(duplicate) && !"false".equals(duplicate)) {
        throw new IllegalArgumentException("duplicate must be true or false");
      }
      return new TransferProgress(
          Stage.valueOf(m.get("stage")),
          m.get("path"),
          Long.parseLong(m.get("size")),
          Long.parseLong(m.get("mtime")),
          m.get("sha256"),
          Boolean.parseBoolean(duplicate),
          receipt,
          m.get("moved_to"));
    } catch (NullPointerException e) {
      throw new IllegalArgumentException("progress record lacks a field", e);
    }
  }
}
