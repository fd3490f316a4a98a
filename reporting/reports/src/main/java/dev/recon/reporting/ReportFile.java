package dev.recon.reporting;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes one output file in UTF-8 through a temporary file in the same folder and a rename, so a
 * script polling the output folder never reads a half-written file.
 */
final class ReportFile {

  /** What goes into the file. */
  @FunctionalInterface
  interface Body {
    void writeTo(Writer writer) throws IOException;
  }

  private ReportFile() {}

  static void write(Path target, Body body) throws IOException {
    Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
    try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
      body.writeTo(writer);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temporary);
      throw e;
    }
    Files.move(
        temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
