package dev.recon.ledger.db;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;

/**
 * Writes rows in PostgreSQL's COPY text format: tab-separated fields, one row per line, {@code \N}
 * for null, and backslash escapes for the characters that would otherwise end a field or a row.
 */
final class CopyText {

  private final Writer out;
  private boolean firstField = true;

  CopyText(Writer out) {
    this.out = out;
  }

  CopyText text(String value) throws IOException {
    separate();
    if (value == null) {
      out.write("\\N");
      return this;
    }
    int clean = 0;
    while (clean < value.length() && !needsEscape(value.charAt(clean))) {
      clean++;
    }
    // Almost every value has nothing to escape: written whole, not char by char.
    out.write(value, 0, clean);
    for (int i = clean; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.write("\\\\");
        case '\t' -> out.write("\\t");
        case '\n' -> out.write("\\n");
        case '\r' -> out.write("\\r");
        default -> out.write(c);
      }
    }
    return this;
  }

  private static boolean needsEscape(char c) {
    return c == '\\' || c == '\t' || c == '\n' || c == '\r';
  }

  CopyText number(long value) throws IOException {
    separate();
    out.write(Long.toString(value));
    return this;
  }

  /** ISO-8601 in UTC ({@code 2024-03-20T12:00:00.123Z}), which timestamptz input reads exactly. */
  CopyText instant(Instant value) throws IOException {
    separate();
    out.write(value.toString());
    return this;
  }

  void endRow() throws IOException {
    out.write('\n');
    firstField = true;
  }

  private void separate() throws IOException {
    if (!firstField) {
      out.write('\t');
    }
    firstField = false;
  }
}
