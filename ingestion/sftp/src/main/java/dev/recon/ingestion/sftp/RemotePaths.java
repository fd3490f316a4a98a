package dev.recon.ingestion.sftp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Pure checks on SFTP paths (always POSIX, whatever the local OS), so that nothing the server
 * lists, a link points to, or a stored offset names can make the poller read or move a file outside
 * the configured root.
 */
public final class RemotePaths {

  /** Keeps the offset partition keys (512 characters) and audit subjects within their columns. */
  public static final int MAX_PATH_CHARS = 400;

  /** The usual file-name limit of POSIX file systems. */
  public static final int MAX_NAME_BYTES = 255;

  private RemotePaths() {}

  /** Why a listed file name cannot be handled as it is. */
  public enum NameProblem {
    /** "." or "..": directory entries, not files. */
    DIRECTORY_ENTRY,
    /** Contains '/': joined to the root it would name a file elsewhere; never touched. */
    ESCAPES_ROOT,
    /** Backslash, control characters or over-long: moved to quarantine under a cleaned name. */
    UNSAFE
  }

  /** What is wrong with a file name as listed by the server, or empty when it is a plain name. */
  public static Optional<NameProblem> nameProblem(String name) {
    if (name == null || name.isEmpty() || name.equals(".") || name.equals("..")) {
      return Optional.of(NameProblem.DIRECTORY_ENTRY);
    }
    if (name.indexOf('/') >= 0) {
      return Optional.of(NameProblem.ESCAPES_ROOT);
    }
    if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
      return Optional.of(NameProblem.UNSAFE);
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '\\' || c < 0x20 || c == 0x7f) {
        return Optional.of(NameProblem.UNSAFE);
      }
    }
    return Optional.empty();
  }

  /** A name safe to use in a path and an audit line: every risky character replaced by '_'. */
  public static String cleanName(String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length() && out.length() < 200; i++) {
      char c = name.charAt(i);
      out.append(c == '/' || c == '\\' || c < 0x20 || c == 0x7f ? '_' : c);
    }
    String cleaned = out.toString();
    return cleaned.isEmpty() || cleaned.equals(".") || cleaned.equals("..")
        ? "_" + cleaned
        : cleaned;
  }

  /** Absolute, no empty, "." or ".." segments, no trailing slash (except the root "/"). */
  public static boolean isAbsoluteNormal(String path) {
    if (path == null || !path.startsWith("/") || path.length() > MAX_PATH_CHARS) {
      return false;
    }
    if (path.equals("/")) {
      return true;
    }
    if (path.endsWith("/")) {
      return false;
    }
    for (String segment : path.substring(1).split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return false;
      }
      if (nameProblem(segment).isPresent()) {
        return false;
      }
    }
    return true;
  }

  /** The file {@code name} directly in {@code folder}; the name must be plain. */
  public static String child(String folder, String name) {
    if (nameProblem(name).filter(p -> p != NameProblem.UNSAFE).isPresent()) {
      throw new IllegalArgumentException("not a plain file name");
    }
    return folder.equals("/") ? "/" + name : folder + "/" + name;
  }

  /**
   * Resolves {@code target} (absolute, or relative to {@code baseFolder}, as a symbolic link's
   * target is) lexically; empty when ".." climbs above "/".
   */
  public static Optional<String> resolve(String baseFolder, String target) {
    if (target == null || target.isEmpty() || target.indexOf('\0') >= 0) {
      return Optional.empty();
    }
    String joined = target.startsWith("/") ? target : baseFolder + "/" + target;
    Deque<String> segments = new ArrayDeque<>();
    for (String segment : joined.split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        if (segments.isEmpty()) {
          return Optional.empty();
        }
        segments.removeLast();
      } else {
        segments.addLast(segment);
      }
    }
    return Optional.of("/" + String.join("/", segments));
  }

  /** True when {@code path}, once resolved, lies strictly inside {@code root}. */
  public static boolean isConfined(String root, String path) {
    if (!isAbsoluteNormal(root) || path == null || !path.startsWith("/")) {
      return false;
    }
    Optional<String> resolved = resolve("/", path);
    if (resolved.isEmpty()) {
      return false;
    }
    String prefix = root.equals("/") ? "/" : root + "/";
    return resolved.get().startsWith(prefix) && resolved.get().length() > prefix.length();
  }

  /** True when {@code folder} is {@code path} itself or one of its ancestors. */
  public static boolean isSameOrAncestor(String folder, String path) {
    return folder.equals(path) || folder.equals("/") || path.startsWith(folder + "/");
  }

  /**
   * JSch treats '*' and '?' in paths as wildcards and '\' as their escape; a literal file name must
   * be escaped so it names exactly one file.
   */
  public static String quoteForJsch(String path) {
    StringBuilder out = new StringBuilder(path.length() + 8);
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '\\' || c == '*' || c == '?') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
