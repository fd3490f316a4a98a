package dev.recon.app.dryrun;

import dev.recon.app.dryrun.RecordOutcomes.RecordKey;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The difference a rule change makes: every record whose outcome differs between the run with the
 * current rules and the run with the proposed ones, and the counts per outcome before and after.
 * Pure: the same two runs always give the same rows, in record order.
 */
public record RuleChange(List<Row> rows, Map<String, Counts> countsByOutcome) {

  /** Records with one outcome in the current run and in the proposed run. */
  public record Counts(long current, long proposed) {}

  /** How one record's outcome changed. */
  public enum Kind {
    /** Unmatched (or broken) before, matched after. */
    NEWLY_MATCHED,
    /** Matched before, unmatched (or broken) after. */
    NO_LONGER_MATCHED,
    /** Matched in both, by another level or rule; or broken in both, for another reason. */
    CHANGED
  }

  public record Row(
      Kind kind, RecordKey record, SortedSet<String> current, SortedSet<String> proposed) {}

  public static final List<String> CSV_HEADER =
      List.of("change", "record_kind", "record_id", "current", "proposed");

  public RuleChange {
    rows = List.copyOf(rows);
    countsByOutcome = Map.copyOf(countsByOutcome);
  }

  public static RuleChange between(RecordOutcomes current, RecordOutcomes proposed) {
    TreeSet<RecordKey> records = new TreeSet<>(current.byRecord().keySet());
    records.addAll(proposed.byRecord().keySet());
    List<Row> rows = new ArrayList<>();
    Map<String, Counts> counts = new TreeMap<>();
    for (RecordKey record : records) {
      SortedSet<String> before = current.of(record);
      SortedSet<String> after = proposed.of(record);
      before.forEach(o -> counts.merge(o, new Counts(1, 0), RuleChange::plus));
      after.forEach(o -> counts.merge(o, new Counts(0, 1), RuleChange::plus));
      if (before.equals(after)) {
        continue;
      }
      boolean matchedBefore = isMatched(before);
      boolean matchedAfter = isMatched(after);
      Kind kind =
          matchedBefore == matchedAfter
              ? Kind.CHANGED
              : matchedAfter ? Kind.NEWLY_MATCHED : Kind.NO_LONGER_MATCHED;
      rows.add(new Row(kind, record, before, after));
    }
    return new RuleChange(rows, counts);
  }

  private static Counts plus(Counts a, Counts b) {
    return new Counts(a.current() + b.current(), a.proposed() + b.proposed());
  }

  /** Member of at least one match. */
  private static boolean isMatched(SortedSet<String> outcome) {
    return outcome.stream().anyMatch(o -> !o.startsWith("break "));
  }

  public long count(Kind kind) {
    return rows.stream().filter(r -> r.kind() == kind).count();
  }

  /** Writes {@code rule-change.csv}: one row per record whose outcome changes. */
  public void writeCsv(Path file) throws IOException {
    CSVFormat format =
        CSVFormat.DEFAULT.builder().setHeader(CSV_HEADER.toArray(String[]::new)).get();
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(out, format)) {
      for (Row r : rows) {
        printer.printRecord(
            r.kind().name(),
            r.record().recordKind(),
            r.record().recordId(),
            String.join("; ", r.current()),
            String.join("; ", r.proposed()));
      }
    }
  }

  /** The summary a user reads first: per outcome, how many records before and after. */
  public List<String> summaryLines() {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            "rule change: %d record(s) change outcome: %d newly matched, %d no longer matched,"
                + " %d changed",
            rows.size(),
            count(Kind.NEWLY_MATCHED),
            count(Kind.NO_LONGER_MATCHED),
            count(Kind.CHANGED)));
    countsByOutcome.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e ->
                lines.add(
                    String.format(
                        "  %-40s %8d -> %8d",
                        e.getKey(), e.getValue().current(), e.getValue().proposed())));
    return lines;
  }
}
