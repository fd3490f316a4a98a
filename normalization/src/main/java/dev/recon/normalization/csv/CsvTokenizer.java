package dev.recon.normalization.csv;

import java.util.Arrays;
import java.util.List;

/**
 * Splits RFC 4180 CSV text (comma, double quotes, CRLF/LF/CR line ends, no final newline needed)
 * into records one at a time, with the physical line each starts on. Unlike a general CSV library
 * it recovers from a malformed record: the record is reported and reading resumes on the next
 * physical line, so one bad row never stops a file. Records longer than the limit are reported the
 * same way, which also bounds the damage of a runaway quote.
 */
public final class CsvTokenizer {
  private static final int EXCERPT_CHARS = 200;

  /** Field slots of a record before the first one sets the width (rows mostly share it). */
  private static final int INITIAL_FIELDS = 16;

  private final String s;
  private final int n;
  private final int maxRecordChars;
  private int pos;
  private int line = 1;

  /** Width of the previous record, the likely width of the next one. */
  private int lastWidth;

  public CsvTokenizer(String text, int maxRecordChars) {
    this.s = text;
    this.n = text.length();
    this.maxRecordChars = maxRecordChars;
  }

  /** The next non-blank record, or null at the end of the text. */
  public CsvLine next() {
    while (pos < n) {
      CsvLine record = readRecord();
      if (record instanceof CsvLine.Row row && isBlank(row.fields())) {
        continue;
      }
      return record;
    }
    return null;
  }

  private CsvLine readRecord() {
    final int start = pos;
    final int startLine = line;
    String[] fields = new String[Math.max(INITIAL_FIELDS, lastWidth)];
    int count = 0;
    StringBuilder field = null;
    while (true) {
      String value;
      if (pos < n && s.charAt(pos) == '"') {
        pos++;
        if (field == null) {
          field = new StringBuilder();
        }
        field.setLength(0);
        while (true) {
          if (pos >= n) {
            return malformedFromStart(start, startLine, "unterminated quoted field");
          }
          if (pos - start > maxRecordChars) {
            return malformedFromStart(start, startLine, tooLong());
          }
          char c = s.charAt(pos);
          if (c == '"') {
            if (pos + 1 < n && s.charAt(pos + 1) == '"') {
              field.append('"');
              pos += 2;
              continue;
            }
            pos++;
            break;
          }
          if (c == '\n' || (c == '\r' && !(pos + 1 < n && s.charAt(pos + 1) == '\n'))) {
            line++;
          }
          field.append(c);
          pos++;
        }
        value = field.toString();
        if (pos < n && !isFieldEnd(s.charAt(pos))) {
          String excerpt = excerpt(start);
          skipPastLineEnd();
          return new CsvLine.Malformed(
              startLine, "unexpected character after a closing quote", excerpt);
        }
      } else {
        int fieldStart = pos;
        while (pos < n && !isFieldEnd(s.charAt(pos))) {
          pos++;
          if (pos - start > maxRecordChars) {
            return malformedFromStart(start, startLine, tooLong());
          }
        }
        value = s.substring(fieldStart, pos);
      }
      if (count == fields.length) {
        fields = Arrays.copyOf(fields, count * 2);
      }
      fields[count++] = value;
      if (pos >= n) {
        return row(startLine, fields, count, start, pos);
      }
      char c = s.charAt(pos);
      if (c == ',') {
        pos++;
        continue;
      }
      int end = pos;
      skipLineEnd();
      return row(startLine, fields, count, start, end);
    }
  }

  private CsvLine.Row row(int startLine, String[] fields, int count, int start, int end) {
    lastWidth = count;
    return new CsvLine.Row(startLine, FieldList.owning(fields, count), s, start, end);
  }

  private String tooLong() {
    return "record longer than " + maxRecordChars + " characters";
  }

  /** Reports a record and resumes on the physical line after the one it started on. */
  private CsvLine malformedFromStart(int start, int startLine, String reason) {
    String excerpt = excerpt(start);
    pos = start;
    line = startLine;
    skipPastLineEnd();
    return new CsvLine.Malformed(startLine, reason, excerpt);
  }

  private void skipPastLineEnd() {
    while (pos < n && s.charAt(pos) != '\n' && s.charAt(pos) != '\r') {
      pos++;
    }
    if (pos < n) {
      skipLineEnd();
    }
  }

  private void skipLineEnd() {
    if (s.charAt(pos) == '\r' && pos + 1 < n && s.charAt(pos + 1) == '\n') {
      pos += 2;
    } else {
      pos++;
    }
    line++;
  }

  private String excerpt(int start) {
    int end = start;
    while (end < n
        && end - start < EXCERPT_CHARS
        && s.charAt(end) != '\n'
        && s.charAt(end) != '\r') {
      end++;
    }
    return s.substring(start, end);
  }

  private static boolean isFieldEnd(char c) {
    return c == ',' || c == '\n' || c == '\r';
  }

  private static boolean isBlank(List<String> fields) {
    for (String f : fields) {
      if (!f.isBlank()) {
        return false;
      }
    }
    return true;
  }
}
