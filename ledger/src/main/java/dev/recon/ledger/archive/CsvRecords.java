package dev.recon.ledger.archive;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads back PostgreSQL's {@code COPY ... (FORMAT csv)} output: comma-separated fields, a field in
 * double quotes may hold commas, newlines and doubled quotes. Used to verify archive files, so it
 * refuses anything malformed instead of guessing.
 */
final class CsvRecords {

  /** Longest field accepted; the ledger's longest column is 1000 characters. */
  static final int MAX_FIELD_CHARS = 64 * 1024;

  private final Reader in;

  CsvRecords(Reader in) {
    this.in = in;
  }

  /** The next record's fields, or null at the end of input. */
  List<String> next() throws IOException {
    int c = read();
    if (c == -1) {
      return null;
    }
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    while (true) {
      if (quoted) {
        if (c == -1) {
          throw new IOException("unterminated quoted field");
        }
        if (c == '"') {
          int d = read();
          if (d == '"') {
            field.append('"');
          } else {
            quoted = false;
            c = d;
            continue;
          }
        } else {
          field.append((char) c);
        }
      } else if (c == '"' && field.length() == 0 && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else if (c == ',' || c == '\n' || c == -1) {
        fields.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
        if (c != ',') {
          return fields;
        }
      } else if (wasQuoted) {
        throw new IOException("text after a closing quote");
      } else {
        field.append((char) c);
      }
      if (field.length() > MAX_FIELD_CHARS) {
        throw new IOException("field longer than " + MAX_FIELD_CHARS + " characters");
      }
      c = read();
    }
  }

  private int read() throws IOException {
    return in.read();
  }
}
