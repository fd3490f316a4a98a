package dev.recon.normalization.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The text of one generated file, written out in chunks as rows are appended so a file of hundreds
 * of megabytes is never built in memory; without an output it only counts, to size a file before
 * writing it. Generated layouts are ASCII, so characters and bytes are the same count.
 */
final class FileText {
  private static final int CHUNK_CHARS = 1 << 20;

  private final StringBuilder text = new StringBuilder(CHUNK_CHARS + 4096);
  private final OutputStream file;
  private long flushed;

  /** Writes to {@code file}, or only counts when it is null. */
  FileText(OutputStream file) {
    this.file = file;
  }

  static FileText counting() {
    return new FileText(null);
  }

  /** Where generators append; call {@link #rowDone()} after each row. */
  StringBuilder text() {
    return text;
  }

  void rowDone() {
    if (text.length() >= CHUNK_CHARS) {
      flush();
    }
  }

  /** Bytes appended so far, written or not. */
  long bytes() {
    return flushed + text.length();
  }

  void flush() {
    if (file != null) {
      try {
        file.write(text.toString().getBytes(StandardCharsets.US_ASCII));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    flushed += text.length();
    text.setLength(0);
  }
}
