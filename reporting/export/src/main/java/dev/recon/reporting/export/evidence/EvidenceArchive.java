package dev.recon.reporting.export.evidence;

import dev.recon.reporting.export.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The zip inside a pack: {@value EvidenceManifest#FILE_NAME} first, then the items by path. */
final class EvidenceArchive {

  /** Entries a pack holds at most (manifest included); the reader enforces the same. */
  static final int MAX_ENTRIES = 10_000;

  /** Uncompressed bytes a pack holds at most; the reader enforces the same. */
  static final long MAX_TOTAL_BYTES = 512L * 1024 * 1024;

  private EvidenceArchive() {}

  static EvidenceManifest manifest(
      String tenant,
      EvidenceSubject subject,
      java.time.Instant createdAt,
      List<EvidenceItem> items) {
    List<EvidenceManifest.Entry> entries = new ArrayList<>();
    for (EvidenceItem item : sorted(items)) {
      entries.add(
          new EvidenceManifest.Entry(item.path(), item.size(), Sha256.of(item.contentView())));
    }
    return new EvidenceManifest(tenant, subject.kind(), subject.value(), createdAt, entries);
  }

  static byte[] zip(EvidenceManifest manifest, List<EvidenceItem> items) {
    if (items.size() + 1 > MAX_ENTRIES) {
      throw new IllegalStateException("an evidence pack holds at most " + MAX_ENTRIES + " files");
    }
    byte[] manifestJson = manifest.toJson();
    long total = manifestJson.length;
    Set<String> paths = new HashSet<>();
    for (EvidenceItem item : items) {
      total += item.size();
      if (!paths.add(item.path())) {
        throw new IllegalStateException("two evidence files at " + item.path());
      }
    }
    if (total > MAX_TOTAL_BYTES) {
      throw new IllegalStateException(
          "an evidence pack holds at most " + MAX_TOTAL_BYTES + " bytes");
    }
    long time = manifest.createdAt().toEpochMilli();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      put(zip, EvidenceManifest.FILE_NAME, manifestJson, time);
      for (EvidenceItem item : sorted(items)) {
        put(zip, item.path(), item.contentView(), time);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory", e);
    }
    return bytes.toByteArray();
  }

  private static void put(ZipOutputStream zip, String path, byte[] content, long time)
      throws IOException {
    ZipEntry entry = new ZipEntry(path);
    entry.setTime(time);
    zip.putNextEntry(entry);
    zip.write(content);
    zip.closeEntry();
  }

  private static List<EvidenceItem> sorted(List<EvidenceItem> items) {
    List<EvidenceItem> copy = new ArrayList<>(items);
    copy.sort(Comparator.comparing(EvidenceItem::path));
    return copy;
  }
}
