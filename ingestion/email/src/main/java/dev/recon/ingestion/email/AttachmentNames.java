package dev.recon.ingestion.email;

/**
 * Which names from a sender can be used as file names downstream. A mail attachment must be a plain
 * name; a zip entry may have folders but must stay inside the archive (no {@code ..}, no absolute
 * path, no drive letter, no backslash that Windows tools would treat as a separator).
 */
final class AttachmentNames {

  static final int MAX_NAME_CHARS = 255;
  static final int MAX_ENTRY_PATH_CHARS = 1024;

  private AttachmentNames() {}

  /** A file name with no directory part, no control characters and no dot-only name. */
  static boolean isPlainFileName(String name) {
    return name != null
        && !name.isEmpty()
        && name.length() <= MAX_NAME_CHARS
        && name.indexOf('/') < 0
        && isSafeSegment(name);
  }

  /** A relative path of safe segments separated by '/', as zip entries name files. */
  static boolean isConfinedEntryPath(String path) {
    if (path == null || path.isEmpty() || path.length() > MAX_ENTRY_PATH_CHARS) {
      return false;
    }
    String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    if (p.isEmpty() || p.startsWith("/")) {
      return false;
    }
    for (String segment : p.split("/", -1)) {
      if (!isSafeSegment(segment) || segment.length() > MAX_NAME_CHARS) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSafeSegment(String segment) {
    if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
      return false;
    }
    if (segment.length() >= 2 && segment.charAt(1) == ':') {
      return false; // C:evil.csv and C:\ paths
    }
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\\') {
        return false;
      }
    }
    return true;
  }

  /** The last path segment: the name a zip entry would have on disk. */
  static String lastSegment(String path) {
    String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return p.substring(p.lastIndexOf('/') + 1);
  }

  static final int MAX_PRINTED_CHARS = 200;

  /**
   * A sender-chosen name made safe for the audit log and log lines: control characters shown as
   * '?', clipped.
   */
  static String printable(String name) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < name.length() && i < MAX_PRINTED_CHARS; i++) {
      char c = name.charAt(i);
      b.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    return b.toString();
  }
}
