package dev.recon.app.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Whole folder trees: copied for templates, deleted for temporary data. */
final class FolderTree {
  private FolderTree() {}

  /** Deletes {@code root} and everything under it; a missing folder is fine. */
  static void delete(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Copies what is under {@code source} into the existing folder {@code target}, permissions kept.
   */
  static void copyInto(Path source, Path target) throws IOException {
    try (Stream<Path> paths = Files.walk(source)) {
      paths.forEach(
          p -> {
            Path relative = source.relativize(p);
            if (relative.toString().isEmpty()) {
              return;
            }
            try {
              Files.copy(p, target.resolve(relative), StandardCopyOption.COPY_ATTRIBUTES);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
