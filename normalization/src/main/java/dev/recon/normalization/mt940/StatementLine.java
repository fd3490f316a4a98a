package dev.recon.normalization.mt940;

import dev.recon.normalization.format.RowProblems;
import java.time.LocalDate;
import java.util.Set;

/**
 * One :61: statement line, split into its subfields as Prowide's Field61 does ({@link
 * Field61Parts}) and checked here.
 *
 * <p>Sign: C credit +, D debit -. RC is the reversal of a credit and so debits the account, RD the
 * reversal of a debit and so credits it; both are flagged as reversals. With these signs opening +
 * lines = closing.
 */
record StatementLine(
    LocalDate valueDate,
    LocalDate bookingDate,
    long amountMinor,
    boolean reversal,
    String transactionType,
    String customerReference,
    String bankReference,
    String supplementaryDetails) {

  static final String FIELD = ":61:";

  /** Placeholder for "no reference" that must not be matched on. */
  static final String NO_REFERENCE = "NONREF";

  private static final Set<String> TRANSACTION_TYPE_LETTERS = Set.of("N", "F", "S");

  /** The line, or null after recording its problems. */
  static StatementLine parse(String value, String currency, RowProblems problems) {
    Field61Parts f = Field61Parts.of(withoutBlankEntryDate(value));
    LocalDate valueDate =
        f.valueDate() == null
            ? missing(problems, FIELD + "value date")
            : SwiftDates.yymmdd(FIELD + "value date", f.valueDate(), problems);
    LocalDate bookingDate = valueDate;
    if (valueDate != null && f.entryDate() != null) {
      bookingDate = SwiftDates.entryDate(FIELD + "entry date", f.entryDate(), valueDate, problems);
    }
    String mark = f.debitCreditMark() == null ? "" : f.debitCreditMark().strip();
    int sign =
        switch (mark) {
          case "C", "RD" -> 1;
          case "D", "RC" -> -1;
          default -> {
            problems.add(FIELD + "debit/credit mark", "not C, D, RC or RD", mark);
            yield 0;
          }
        };
    Long amount = SwiftAmount.parse(FIELD + "amount", f.amount(), currency, problems);
    String typeLetter = f.transactionType();
    String code = f.identificationCode();
    if (typeLetter == null
        || !TRANSACTION_TYPE_LETTERS.contains(typeLetter)
        || code == null
        || code.strip().length() != 3) {
      problems.add(
          FIELD + "transaction type",
          "not a transaction type like NTRF",
          typeLetter == null ? null : typeLetter + (code == null ? "" : code));
    }
    if (!problems.isEmpty()) {
      return null;
    }
    return new StatementLine(
        valueDate,
        bookingDate,
        sign * amount,
        mark.startsWith("R"),
        typeLetter + code.strip(),
        reference(f.ownerReference()),
        reference(f.servicingInstitutionReference()),
        blankToNull(f.supplementaryDetails()));
  }

  /** Some banks write the optional entry date as four spaces; Prowide then misreads the mark. */
  private static String withoutBlankEntryDate(String value) {
    if (value.length() >= 10 && value.substring(6, 10).isBlank()) {
      return value.substring(0, 6) + value.substring(10);
    }
    return value;
  }

  private static LocalDate missing(RowProblems problems, String field) {
    problems.add(field, "required value missing", null);
    return null;
  }

  private static String reference(String text) {
    String t = blankToNull(text);
    return t == null || t.equalsIgnoreCase(NO_REFERENCE) ? null : t;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
