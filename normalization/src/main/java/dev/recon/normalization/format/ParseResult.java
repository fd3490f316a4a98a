package dev.recon.normalization.format;

import dev.recon.normalization.money.MinorSum;
import dev.recon.schemas.Provenance;
import dev.recon.schemas.RecordKind;
import java.util.ArrayList;
import java.util.HashMap;
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

  public static Builder builder(Provenance provenance) {
    return new Builder(fileNameOf(provenance));
  }

  /** Collects one file's outcome while a parser streams through it. */
  public static final class Builder {
    private final String fileName;
    private final List<SpecificRecord> records = new ArrayList<>();
    private final List<ParseError> errors = new ArrayList<>();
    private final List<DataQualityFinding> findings = new ArrayList<>();

    private Builder(String fileName) {
      this.fileName = fileName;
    }

    public String fileName() {
      return fileName;
    }

    public Builder add(SpecificRecord record) {
      records.add(Objects.requireNonNull(record));
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
      return records.size();
    }

    public ParseResult build() {
      List<DataQualityFinding> allFindings = new ArrayList<>(findings);
      Map<RecordId, Integer> firstLineById = new HashMap<>(records.size() * 4 / 3 + 16);
      Map<RecordKind, Map<String, Totals>> totals = new TreeMap<>();
      for (SpecificRecord record : records) {
        CanonicalSummary s = CanonicalSummary.of(record);
        Integer earlier =
            firstLineById.putIfAbsent(new RecordId(s.recordKind(), s.recordId()), s.line());
        if (earlier != null) {
          allFindings.add(
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
      }
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
      return new ParseResult(records, errors, allFindings, controlTotals);
    }
  }

  /** A record's identity within one file: its kind and id (the id may be null). */
  private record RecordId(RecordKind kind, String id) {}

  private static final class Totals {
    private long count;
    private final MinorSum sum = new MinorSum();

    void add(long minor) {
      count++;
      sum.add(minor);
    }
  }
}
