package dev.recon.normalization.mt940;

import dev.recon.normalization.format.ParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits MT940 text into tagged fields with their line numbers. Accepts what banks actually send:
 * bare block 4 text or full SWIFT envelopes ({1:...}{2:...}{4: ... -}), "940" / ":940:" preambles,
 * '-' separators between messages, blank lines, CRLF or LF and no final newline. A field ends at
 * the next tag or at any of these separators; every other line continues the current field.
 */
final class SwiftFieldReader {

  /** Field tag at the start of a line: two digits and an optional option letter. */
  private static final Pattern TAG = Pattern.compile(":(\\d{2}[A-Z]?):(.*)");

  private static final Pattern PREAMBLE = Pattern.compile(":?940:?");

  private static final String BLOCK_4_START = "{4:";

  private SwiftFieldReader() {}

  /** Reads all fields; over-long lines and stray text are reported to {@code out} and skipped. */
  static List<SwiftField> read(String text, int maxLineChars, ParseResult.Builder out) {
    List<SwiftField> fields = new ArrayList<>();
    String tag = null;
    List<String> lines = new ArrayList<>();
    int tagLine = 0;
    String[] physical = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < physical.length; i++) {
      int lineNumber = i + 1;
      String line = physical[i];
      if (line.length() > maxLineChars) {
        out.error(lineNumber, null, "line longer than " + maxLineChars + " characters", null);
        line = "";
      }
      int block4 = line.indexOf(BLOCK_4_START);
      if (line.startsWith("{")) {
        // Envelope blocks 1-3 (and 5): only text after "{4:" on the same line is content.
        line = block4 >= 0 ? line.substring(block4 + BLOCK_4_START.length()) : "";
      }
      String stripped = line.strip();
      Matcher m = TAG.matcher(line);
      boolean separator =
          stripped.isEmpty()
              || stripped.equals("-")
              || stripped.startsWith("-}")
              || PREAMBLE.matcher(stripped).matches();
      if (m.matches() || separator) {
        if (tag != null) {
          fields.add(new SwiftField(tag, lines, tagLine));
          tag = null;
          lines = new ArrayList<>();
        }
        if (m.matches()) {
          tag = m.group(1);
          tagLine = lineNumber;
          lines.add(m.group(2));
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
}
