package dev.recon.normalization.format;

import java.util.Objects;

/**
 * Input that could not become a canonical record: an expected outcome of parsing, reported with
 * where it is and why, never thrown.
 *
 * @param fileName the source file, or "-" when the payload has no file name
 * @param line 1-based physical line (CSV) or entry ordinal (XML); 0 for the file as a whole
 * @param field the column or element at fault, or null when the whole line or file is at fault
 * @param reason what is wrong, in words a finance user can act on
 * @param excerpt the offending value or the start of the line, masked and truncated; may be null
 */
public record ParseError(String fileName, int line, String field, String reason, String excerpt) {

  public ParseError {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(reason, "reason");
    if (line < 0) {
      throw new IllegalArgumentException("line must be >= 0");
    }
  }

  /** One line for stderr: {@code file:line: field: reason [excerpt]}. */
  public String describe() {
    StringBuilder s = new StringBuilder(fileName).append(':').append(line).append(": ");
    if (field != null) {
      s.append(field).append(": ");
    }
    s.append(reason);
    if (excerpt != null && !excerpt.isEmpty()) {
      s.append(" [").append(excerpt).append(']');
    }
    return s.toString();
  }
}
