package dev.recon.normalization.mt940;

import com.prowidesoftware.swift.model.field.Field61;
import dev.recon.normalization.format.RowProblems;
import java.time.LocalDate;
import java.util.Set;

/**
 * One :61: statement line, split into its subfields by Prowide's {@link Field61} and checked here.
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
    Field61 f = new Field61(withoutBlankEntryDate(value));
    LocalDate valueDate =
        f.getValueDate() == null
            ? missing(problems, FIELD + "value date")
            : SwiftDates.yymmdd(FIELD + "value date", f.getValueDate(), problems);
    LocalDate bookingDate = valueDate;
    if (valueDate != null && f.getEntryDate() != null) {
      bookingDate =
          SwiftDates.entryDate(FIELD + "entry date", f.getEntryDate(), valueDate, problems);
    }
    String mark = f.getDebitCreditMark() == null ? "" : f.getDebitCreditMark().strip();
    int sign =
        switch (mark) {
          case "C", "RD" -> 1;
          case "D", "RC" -> -1;
          default -> {
            problems.add(FIELD + "debit/credit mark", "not C, D, RC or RD", mark);
            yield 0;
          }
        };
    Long amount = SwiftAmount.parse(FIELD + "amount", f.getAmount(), currency, problems);
    String typeLetter = f.getTransactionType();
    String code = f.getIdentificationCode();
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
        reference(f.getReferenceForTheAccountOwner()),
        reference(f.getReferenceOfTheAccountServicingInstitution()),
        blankToNull(f.getSupplementaryDetails()));
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
