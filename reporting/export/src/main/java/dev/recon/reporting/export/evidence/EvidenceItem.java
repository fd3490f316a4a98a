package dev.recon.reporting.export.evidence;

import java.util.Objects;
import java.util.regex.Pattern;

/** One file of a pack: its path inside the archive and its bytes. */
public final class EvidenceItem {

  static final Pattern PATH = Pattern.compile("[a-z_]+(/[A-Za-z0-9._-]{1,200})+");

  private final String path;
  private final byte[] content;

  public EvidenceItem(String path, byte[] content) {
    if (path == null
        || !PATH.matcher(path).matches()
        || path.contains("/..")
        || path.contains("/./")) {
      throw new IllegalArgumentException("bad evidence path: " + path);
    }
    this.path = path;
    this.content = Objects.requireNonNull(content, "content").clone();
  }

  public String path() {
    return path;
  }

  public byte[] content() {
    return content.clone();
  }

  int size() {
    return content.length;
  }

  /** The bytes themselves, for writing them out without a copy. */
  byte[] contentView() {
    return content;
  }
}
