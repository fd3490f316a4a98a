package dev.recon.reporting.export.evidence;

import dev.recon.reporting.export.Sha256;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Opens a pack: checks the header, decrypts and authenticates it with the caller's key, unzips it
 * within the archive limits, and checks every entry against the manifest (same set of paths, sizes
 * and SHA-256). Any failure is a {@link PackReading.Refused}, never partial contents.
 */
public final class EvidencePackReader {

  /** Encrypted bytes a pack may have; above the archive limit only by header and zip overhead. */
  public static final long MAX_PACK_BYTES = EvidenceArchive.MAX_TOTAL_BYTES + 64L * 1024 * 1024;

  private EvidencePackReader() {}

  /** The key id a pack names in its header, so the caller can fetch that key. */
  public static Optional<String> keyId(byte[] pack) {
    return PackCipher.header(pack).map(PackCipher.Header::keyId);
  }

  public static PackReading open(byte[] pack, EvidenceKey key) {
    Objects.requireNonNull(key, "key");
    if (pack.length > MAX_PACK_BYTES) {
      return new PackReading.Refused("larger than " + MAX_PACK_BYTES + " bytes");
    }
    Optional<PackCipher.Header> header = PackCipher.header(pack);
    if (header.isEmpty()) {
      return new PackReading.Refused("not an evidence pack of a known version");
    }
    if (!header.get().keyId().equals(key.keyId())) {
      return new PackReading.Refused(
          "encrypted under key " + header.get().keyId() + ", not " + key.keyId());
    }
    Optional<byte[]> zip = PackCipher.decrypt(pack, header.get(), key);
    if (zip.isEmpty()) {
      return new PackReading.Refused("authentication failed: wrong key or changed bytes");
    }
    try {
      return verify(unzip(zip.get()));
    } catch (LimitExceeded e) {
      return new PackReading.Refused(e.getMessage());
    } catch (IOException e) {
      return new PackReading.Refused("archive unreadable: " + e.getMessage());
    }
  }

  private static final class LimitExceeded extends Exception {
    private static final long serialVersionUID = 1L;

    LimitExceeded(String message) {
      super(message);
    }
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws IOException, LimitExceeded {
    Map<String, byte[]> entries = new HashMap<>();
    long total = 0;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (entries.size() >= EvidenceArchive.MAX_ENTRIES) {
          throw new LimitExceeded("more than " + EvidenceArchive.MAX_ENTRIES + " entries");
        }
        long budget = EvidenceArchive.MAX_TOTAL_BYTES - total;
        byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, budget + 1));
        total += content.length;
        if (total > EvidenceArchive.MAX_TOTAL_BYTES) {
          throw new LimitExceeded("more than " + EvidenceArchive.MAX_TOTAL_BYTES + " bytes");
        }
        if (entries.put(e.getName(), content) != null) {
          throw new ZipException("entry " + e.getName() + " twice");
        }
      }
    }
    return entries;
  }

  private static PackReading verify(Map<String, byte[]> entries) {
    byte[] manifestJson = entries.remove(EvidenceManifest.FILE_NAME);
    if (manifestJson == null) {
      return new PackReading.Refused("no " + EvidenceManifest.FILE_NAME);
    }
    EvidenceManifest manifest;
    try {
      manifest = EvidenceManifest.fromJson(manifestJson);
    } catch (IllegalArgumentException e) {
      return new PackReading.Refused(e.getMessage());
    }
    Map<String, byte[]> listed = new HashMap<>();
    for (EvidenceManifest.Entry entry : manifest.entries()) {
      byte[] content = entries.get(entry.path());
      if (content == null) {
        return new PackReading.Refused("missing entry " + entry.path());
      }
      if (content.length != entry.size() || !Sha256.of(content).equals(entry.sha256())) {
        return new PackReading.Refused("entry " + entry.path() + " differs from the manifest");
      }
      listed.put(entry.path(), content);
    }
    if (listed.size() != entries.size()) {
      return new PackReading.Refused("entries not in the manifest");
    }
    return new PackReading.Opened(manifest, listed);
  }
}
