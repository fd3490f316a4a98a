package dev.recon.ingestion.sftp;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Predicate;

/**
 * Picks the name a file gets in the archive or quarantine folder without overwriting anything there
 * (SFTP servers with posix-rename replace an existing target silently): the plain name if free,
 * else the name with a UTC timestamp and a counter before the extension. Pure.
 */
public final class ArchiveNames {

  /** Bounds the existence checks; past this the folder is treated as unusable. */
  public static final int MAX_ATTEMPTS = 100;

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private ArchiveNames() {}

  /**
   * @param taken whether a path in {@code folder} is already used
   * @throws IllegalStateException when no free name was found within {@link #MAX_ATTEMPTS}
   */
  public static String freePath(String folder, String name, Predicate<String> taken, Instant now) {
    String plain = RemotePaths.child(folder, name);
    if (!taken.test(plain)) {
      return plain;
    }
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    String extension = dot > 0 ? name.substring(dot) : "";
    String stamp = STAMP.format(now);
    for (int attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      String candidate =
          RemotePaths.child(
              folder, base + "." + stamp + (attempt == 1 ? "" : "-" + attempt) + extension);
      if (!taken.test(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "no free name for " + name + " in " + folder + " after " + MAX_ATTEMPTS + " attempts");
  }
}
