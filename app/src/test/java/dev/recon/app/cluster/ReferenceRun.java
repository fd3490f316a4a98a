package dev.recon.app.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The contract files of a failure-free {@code recon reconcile}, read back as rows of fields. */
record ReferenceRun(
    List<List<String>> matches, List<List<String>> exceptions, List<List<String>> journal) {

  /** Distinct matches. */
  long matchCount() {
    return matches.stream().map(r -> r.get(0)).distinct().count();
  }

  /** Breaks, dead letters left out. */
  long exceptionCount() {
    return exceptions.stream()
        .filter(r -> !r.get(1).equals("PARSE_ERROR") && !r.get(1).startsWith("DATA_QUALITY"))
        .count();
  }

  static ReferenceRun read(Path out) throws IOException {
    return new ReferenceRun(
        rows(out.resolve("matches.csv")),
        rows(out.resolve("exceptions.csv")),
        rows(out.resolve("journal.csv")));
  }

  /** The data rows of a CSV file (RFC 4180 quoting), header dropped. */
  static List<List<String>> rows(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\n') {
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else if (c != '\r') {
        field.append(c);
      }
    }
    if (field.length() > 0 || !row.isEmpty()) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows.isEmpty() ? rows : rows.subList(1, rows.size());
  }
}
