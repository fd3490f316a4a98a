package dev.recon.normalization.mt940;

import dev.recon.normalization.format.ParseResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits MT940 text into tagged fields with their line numbers. Accepts what banks actually send:
 * bare block 4 text or full SWIFT envelopes ({1:...}{2:...}{4: ... -}), "940" / ":940:" preambles,
 * '-' separators between messages, blank lines, CRLF or LF and no final newline. A field ends at
 * the next tag or at any of these separators; every other line continues the current field.
 */
final class SwiftFieldReader {

  private static final String BLOCK_4_START = "{4:";

  private SwiftFieldReader() {}

  /** Reads all fields; over-long lines and stray text are reported to {@code out} and skipped. */
  static List<SwiftField> read(String text, int maxLineChars, ParseResult.Builder out) {
    List<SwiftField> fields = new ArrayList<>();
    String tag = null;
    List<String> lines = new ArrayList<>();
    int tagLine = 0;
    // Physical lines split at CRLF, CR or LF, as text.split("\r\n|\r|\n", -1) would, without
    // the array of all lines and the regex.
    int n = text.length();
    int lineNumber = 0;
    for (int start = 0; start <= n; ) {
      int end = start;
      while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
        end++;
      }
      lineNumber++;
      String line = text.substring(start, end);
      start =
          end < n && text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n'
              ? end + 2
              : end + 1;
      if (line.length() > maxLineChars) {
        out.error(lineNumber, null, "line longer than " + maxLineChars + " characters", null);
        line = "";
      }
      int block4 = line.indexOf(BLOCK_4_START);
      if (line.startsWith("{")) {
        // Envelope blocks 1-3 (and 5): only text after "{4:" on the same line is content.
        line = block4 >= 0 ? line.substring(block4 + BLOCK_4_START.length()) : "";
      }
      int tagLength = tagLength(line);
      boolean separator = tagLength < 0 && isSeparator(line.strip());
      if (tagLength >= 0 || separator) {
        if (tag != null) {
          fields.add(new SwiftField(tag, lines, tagLine));
          tag = null;
          lines = new ArrayList<>();
        }
        if (tagLength >= 0) {
          tag = line.substring(1, 1 + tagLength);
          tagLine = lineNumber;
          lines.add(line.substring(tagLength + 2));
        }
      } else if (tag != null) {
        lines.add(line);
      } else {
        out.error(lineNumber, null, "text outside any :nn: field", line);
      }
    }
    if (tag != null) {
      fields.add(new SwiftField(tag, lines, tagLine));
    }
    return fields;
  }

  /**
   * The length of the tag of a field's first line, as {@code :(\d{2}[A-Z]?):(.*)} matches it (two
   * ASCII digits, an optional capital, the rest free of the line terminators '.' does not match),
   * or -1 when the line is no field start.
   */
  static int tagLength(String line) {
    int n = line.length();
    if (n < 4 || line.charAt(0) != ':' || !isDigit(line.charAt(1)) || !isDigit(line.charAt(2))) {
      return -1;
    }
    int tagLength;
    if (line.charAt(3) == ':') {
      tagLength = 2;
    } else if (n >= 5 && line.charAt(3) >= 'A' && line.charAt(3) <= 'Z' && line.charAt(4) == ':') {
      tagLength = 3;
    } else {
      return -1;
    }
    for (int i = tagLength + 2; i < n; i++) {
      char c = line.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return -1;
      }
    }
    return tagLength;
  }

  /** Blank, a '-' message separator, the end of block 4, or a "940" preamble (:?940:?). */
  private static boolean isSeparator(String stripped) {
    return stripped.isEmpty()
        || stripped.equals("-")
        || stripped.startsWith("-}")
        || stripped.equals("940")
        || stripped.equals(":940")
        || stripped.equals("940:")
        || stripped.equals(":940:");
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
