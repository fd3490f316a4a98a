package dev.recon.app.dryrun;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * What one run concluded about each record, read back from its contract files ({@code matches.csv}
 * and {@code exceptions.csv}): the levels and rules of the matches it is a member of, and the
 * reasons of the breaks raised on it. Reading the files rather than the jobs' output keeps the
 * comparison honest: it compares exactly what a user of the run would see.
 */
public record RecordOutcomes(Map<RecordKey, SortedSet<String>> byRecord) {

  /** A record as the contract files name it. */
  public record RecordKey(String recordKind, String recordId) implements Comparable<RecordKey> {
    @Override
    public int compareTo(RecordKey o) {
      int kind = recordKind.compareTo(o.recordKind);
      return kind != 0 ? kind : recordId.compareTo(o.recordId);
    }
  }

  /** Rows read per file; a bounded run over files stays far below, a corrupt file does not. */
  public static final int MAX_ROWS = 10_000_000;

  public RecordOutcomes {
    TreeMap<RecordKey, SortedSet<String>> copy = new TreeMap<>();
    byRecord.forEach((k, v) -> copy.put(k, Collections.unmodifiableSortedSet(new TreeSet<>(v))));
    byRecord = Collections.unmodifiableSortedMap(copy);
  }

  /**
   * The outcome of one record: e.g. {@code [L1 EXACT, L3 SETTLEMENT]} or {@code [break
   * AMOUNT_MISMATCH]}.
   */
  public SortedSet<String> of(RecordKey key) {
    return byRecord.getOrDefault(key, Collections.emptySortedSet());
  }

  /** Reads {@code matches.csv} and {@code exceptions.csv} of a run's output folder. */
  public static RecordOutcomes read(Path runDir) throws IOException {
    Map<RecordKey, SortedSet<String>> outcomes = new TreeMap<>();
    readRows(
        runDir.resolve("matches.csv"),
        row ->
            add(
                outcomes,
                row.get("record_kind"),
                row.get("record_id"),
                row.get("level") + " " + row.get("rule")));
    readRows(
        runDir.resolve("exceptions.csv"),
        row ->
            add(
                outcomes,
                row.get("record_kind"),
                row.get("record_id"),
                "break " + row.get("reason")));
    return new RecordOutcomes(outcomes);
  }

  private static void add(
      Map<RecordKey, SortedSet<String>> outcomes, String kind, String id, String outcome) {
    outcomes.computeIfAbsent(new RecordKey(kind, id), k -> new TreeSet<>()).add(outcome);
  }

  private interface RowHandler {
    void handle(CSVRecord row);
  }

  private static void readRows(Path file, RowHandler handler) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        var parser = format.parse(in)) {
      long rows = 0;
      for (CSVRecord row : parser) {
        if (++rows > MAX_ROWS) {
          throw new IOException(file + ": more than " + MAX_ROWS + " rows");
        }
        handler.handle(row);
      }
    }
  }
}
