package dev.recon.normalization.format;

import dev.recon.normalization.money.MinorSum;
import dev.recon.schemas.Provenance;
import dev.recon.schemas.RecordKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;

/**
 * What parsing one file produced: canonical records in file order (PaymentEvent, ExpectedPayment or
 * BankLine), the rows that could not be parsed, data-quality findings, and control totals per
 * record kind and currency.
 */
public record ParseResult(
    List<SpecificRecord> records,
    List<ParseError> errors,
    List<DataQualityFinding> findings,
    List<ControlTotal> controlTotals) {

  /** Finding code: two records of the same kind in one file carry the same id. */
  public static final String DUPLICATE_RECORD_ID = "DUPLICATE_RECORD_ID";

  /** Finding code: a control total does not fit in a long. */
  public static final String CONTROL_TOTAL_OVERFLOW = "CONTROL_TOTAL_OVERFLOW";

  public ParseResult {
    records = List.copyOf(records);
    errors = List.copyOf(errors);
    findings = List.copyOf(findings);
    controlTotals = List.copyOf(controlTotals);
  }

  /** The file name errors and findings are reported against: "-" when the payload has none. */
  public static String fileNameOf(Provenance provenance) {
    String name = provenance.getFileName();
    return name == null || name.isBlank() ? "-" : name;
  }

  /** A result with no records and one error about the file as a whole. */
  public static ParseResult fileError(Provenance provenance, String field, String reason) {
    return builder(provenance).error(0, field, reason, null).build();
  }

  /** A builder that keeps the records, for {@link #records()} of the result. */
  public static Builder builder(Provenance provenance) {
    List<SpecificRecord> kept = new ArrayList<>();
    return new Builder(fileNameOf(provenance), kept::add, kept);
  }

  /**
   * A builder that hands each record to {@code sink} as it is added and keeps none: the result's
   * {@link #records()} is empty, its errors, findings and control totals are complete.
   */
  public static Builder builder(Provenance provenance, RecordSink sink) {
    return new Builder(fileNameOf(provenance), Objects.requireNonNull(sink), List.of());
  }

  /** The same outcome with {@code records} as its records (those a sink received). */
  public ParseResult withRecords(List<SpecificRecord> records) {
    return new ParseResult(records, errors, findings, controlTotals);
  }

  /**
   * Collects one file's outcome while a parser streams through it. Duplicate ids and control totals
   * are tallied as records arrive, so a record need not be kept after the sink took it.
   */
  public static final class Builder {
    private final String fileName;
    private final RecordSink sink;
    private final List<SpecificRecord> kept;
    private final List<ParseError> errors = new ArrayList<>();
    private final List<DataQualityFinding> findings = new ArrayList<>();
    private final List<DataQualityFinding> duplicates = new ArrayList<>();
    private final Map<RecordKind, FirstLines> firstLines = new EnumMap<>(RecordKind.class);
    private final Map<RecordKind, Map<String, Totals>> totals = new TreeMap<>();
    private int recordCount;

    private Builder(String fileName, RecordSink sink, List<SpecificRecord> kept) {
      this.fileName = fileName;
      this.sink = sink;
      this.kept = kept;
    }

    public String fileName() {
      return fileName;
    }

    public Builder add(SpecificRecord record) {
      CanonicalSummary s = CanonicalSummary.of(Objects.requireNonNull(record));
      int earlier =
          firstLines
              .computeIfAbsent(s.recordKind(), k -> new FirstLines())
              .putIfAbsent(s.recordId(), s.line());
      if (earlier != FirstLines.NOT_SEEN) {
        duplicates.add(
            new DataQualityFinding(
                fileName,
                s.line(),
                DUPLICATE_RECORD_ID,
                s.recordKind() + " record id of line " + s.line() + " repeats line " + earlier));
      }
      totals
          .computeIfAbsent(s.recordKind(), k -> new TreeMap<>())
          .computeIfAbsent(s.currency(), c -> new Totals())
          .add(s.amountMinor());
      recordCount++;
      sink.accept(record);
      return this;
    }

    /** Reports input that could not become a record; the excerpt is masked here. */
    public Builder error(int line, String field, String reason, String excerpt) {
      errors.add(new ParseError(fileName, line, field, reason, Excerpt.masked(excerpt)));
      return this;
    }

    public Builder finding(int line, String code, String message) {
      findings.add(new DataQualityFinding(fileName, line, code, message));
      return this;
    }

    public int recordCount() {
      return recordCount;
    }

    /**
     * The outcome: the parser's own findings first, then duplicate ids in record order, then
     * control-total overflows.
     */
    public ParseResult build() {
      List<DataQualityFinding> allFindings = new ArrayList<>(findings);
      allFindings.addAll(duplicates);
      List<ControlTotal> controlTotals = new ArrayList<>();
      totals.forEach(
          (kind, byCurrency) ->
              byCurrency.forEach(
                  (currency, t) -> {
                    boolean overflowed = t.sum.value().isEmpty();
                    if (overflowed) {
                      allFindings.add(
                          new DataQualityFinding(
                              fileName,
                              0,
                              CONTROL_TOTAL_OVERFLOW,
                              kind + " " + currency + " total does not fit in 64 bits"));
                    }
                    controlTotals.add(
                        new ControlTotal(
                            kind, currency, t.count, t.sum.value().orElse(0L), overflowed));
                  }));
      return new ParseResult(kept, errors, allFindings, controlTotals);
    }
  }

  private static final class Totals {
    private long count;
    private final MinorSum sum = new MinorSum();

    void add(long minor) {
      count++;
      sum.add(minor);
    }
  }
}
