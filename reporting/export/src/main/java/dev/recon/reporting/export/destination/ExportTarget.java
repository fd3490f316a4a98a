package dev.recon.reporting.export.destination;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where exports and evidence packs are stored: a folder or an S3 bucket (prefix). Keys are
 * relative, '/'-separated, and never climb out of the target's root.
 */
public interface ExportTarget {

  /** Largest object {@link #read} returns; manifests and packs are far below it. */
  long MAX_READ_BYTES = 1024L * 1024 * 1024;

  Pattern KEY = Pattern.compile("[A-Za-z0-9._=-]+(/[A-Za-z0-9._=-]+)*");

  /** Stores a file's bytes under the key; a reader sees it whole or not at all. */
  void put(String key, Path file) throws IOException;

  /** Stores the bytes under the key; a reader sees them whole or not at all. */
  void put(String key, byte[] bytes) throws IOException;

  /** Removes the object if there is one. */
  void delete(String key) throws IOException;

  /** Keys under the prefix (a folder, ending in '/'), sorted. */
  List<String> list(String prefix) throws IOException;

  /**
   * The object's bytes, empty if there is none.
   *
   * @throws IOException also if it is larger than {@code maxBytes}
   */
  Optional<byte[]> read(String key, long maxBytes) throws IOException;

  /** Where the target points, for messages (no credentials). */
  String describe();

  static String requireKey(String key) {
    if (key == null || !KEY.matcher(key).matches() || key.length() > 1024) {
      throw new IllegalArgumentException("bad target key: " + key);
    }
    for (String part : key.split("/", -1)) {
      if (part.equals(".") || part.equals("..")) {
        throw new IllegalArgumentException("bad target key: " + key);
      }
    }
    return key;
  }

  static String requirePrefix(String prefix) {
    if (prefix == null || !prefix.endsWith("/")) {
      throw new IllegalArgumentException("a prefix ends in '/': " + prefix);
    }
    requireKey(prefix.substring(0, prefix.length() - 1));
    return prefix;
  }
}
