package dev.recon.normalization.mt940;

import dev.recon.normalization.csv.TextDecoding;
import dev.recon.normalization.format.Format;
import dev.recon.normalization.format.LineProvenance;
import dev.recon.normalization.format.ParseResult;
import dev.recon.normalization.format.ParserLimits;
import dev.recon.normalization.format.RecordParser;
import dev.recon.normalization.format.RecordSink;
import dev.recon.normalization.format.RowProblems;
import dev.recon.normalization.money.MinorSum;
import dev.recon.normalization.money.MinorUnits;
import dev.recon.schemas.BankLine;
import dev.recon.schemas.Provenance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SWIFT MT940 customer statements: one BankLine per :61: statement line, with the :86: that follows
 * it as remittance information. A file may hold many messages (one per :20:), including statements
 * split over several :28C: sequences with intermediate :60M:/:62M: balances; each message is
 * checked for opening + lines = closing on its own.
 *
 * <p>Line id: the bank's reference of the :61: (after "//") when given, else the statement id and
 * the line's sequence in the statement.
 */
public final class Mt940Parser implements RecordParser {

  /** Finding code: opening balance + statement lines != closing balance. */
  public static final String BALANCE_MISMATCH = "MT940_BALANCE_MISMATCH";

  /** Finding code: the balance check could not be made (balance missing, currencies differ). */
  public static final String BALANCE_UNCHECKED = "MT940_BALANCE_UNCHECKED";

  /** SWIFT wraps :86: at 65 characters, often mid-word: a full line continues without a space. */
  static final int SWIFT_LINE_CHARS = 65;

  /** The Dutch/SEPA end-to-end reference inside :86: ("/EREF/ref/"). */
  private static final Pattern END_TO_END = Pattern.compile("/EREF/([^/\\n]+)");

  private final ParserLimits limits;

  public Mt940Parser(ParserLimits limits) {
    this.limits = limits;
  }

  @Override
  public Format format() {
    return Format.MT940;
  }

  @Override
  public ParseResult parse(byte[] payload, Provenance provenance, RecordSink sink) {
    Optional<String> tooLarge = limits.payloadOverLimit(payload.length);
    if (tooLarge.isPresent()) {
      return ParseResult.fileError(provenance, null, tooLarge.get());
    }
    ParseResult.Builder out = ParseResult.builder(provenance, sink);
    List<SwiftField> fields =
        SwiftFieldReader.read(TextDecoding.decode(payload).text(), limits.maxLineChars(), out);
    new Walk(provenance, out).run(fields);
    return out.build();
  }

  /** One pass over the fields of one file. */
  private final class Walk {
    private final Provenance provenance;
    private final ParseResult.Builder out;
    private StatementState statement;
    private SwiftField pendingLine;
    private int statements;
    private int statementLines;

    /** Line sequence per statement id, should two messages of a file share one. */
    private final Map<String, Integer> sequences = new HashMap<>();

    Walk(Provenance provenance, ParseResult.Builder out) {
      this.provenance = provenance;
      this.out = out;
    }

    void run(List<SwiftField> fields) {
      for (SwiftField f : fields) {
        if (f.tag().equals("86") && pendingLine != null) {
          emit(pendingLine, f);
          pendingLine = null;
          continue;
        }
        if (pendingLine != null) {
          emit(pendingLine, null);
          pendingLine = null;
        }
        if (f.tag().equals("20")) {
          finish();
          statement = new StatementState(++statements, f.line(), f.value().strip());
          continue;
        }
        if (statement == null) {
          out.error(
              f.line(), ":" + f.tag() + ":", "field before any :20: statement reference", null);
          continue;
        }
        if (!onStatementField(f)) {
          return;
        }
      }
      if (pendingLine != null) {
        emit(pendingLine, null);
      }
      finish();
      if (statements == 0) {
        out.error(0, ":20:", "no MT940 statement (:20:) found", null);
      }
    }

    /** False when the file must not be read further. */
    private boolean onStatementField(SwiftField f) {
      switch (f.tag()) {
        case "25" -> statement.account = f.value().strip();
        case "28C", "28" -> statement.sequence = f.value().strip();
        case "60F", "60M" -> {
          RowProblems problems = new RowProblems(f.line());
          statement.opening = SwiftBalance.parse(f, problems);
          statement.openingUnreadable = problems.reportTo(out);
        }
        case "62F", "62M" -> {
          RowProblems problems = new RowProblems(f.line());
          statement.closing = SwiftBalance.parse(f, problems);
          problems.reportTo(out);
        }
        case "61" -> {
          if (statementLines == limits.maxRows()) {
            out.error(
                f.line(),
                null,
                "statement line limit of "
                    + limits.maxRows()
                    + " reached; the rest of the file was not read",
                null);
            return false;
          }
          statementLines++;
          pendingLine = f;
        }
        default -> {
          // :86: at statement level, :64:/:65: available balances, :13D:, :21: carry no lines.
        }
      }
      return true;
    }

    private void emit(SwiftField line, SwiftField information) {
      StatementState s = statement;
      // Every :61: takes a sequence number, readable or not, so ids stay put when one is fixed.
      int sequence = sequences.merge(s.statementId(), 1, Integer::sum);
      RowProblems problems = new RowProblems(line.line());
      if (s.account == null || s.account.isEmpty()) {
        problems.add(":25:", "statement has no account identification", null);
      }
      if (s.opening == null) {
        problems.add(
            ":60F:",
            (s.openingUnreadable ? "unreadable" : "no")
                + " opening balance (:60F:/:60M:) before this line; its currency is unknown",
            null);
      }
      if (problems.reportTo(out)) {
        return;
      }
      String currency = s.opening.currency();
      StatementLine parsed = StatementLine.parse(line.value(), currency, problems);
      if (problems.reportTo(out)) {
        return;
      }
      s.booked.add(parsed.amountMinor());
      String remittance = information == null ? null : joinWrapped(information.lines());
      List<String> references = new ArrayList<>();
      addReference(references, parsed.customerReference());
      addReference(references, parsed.bankReference());
      if (remittance != null) {
        Matcher m = END_TO_END.matcher(remittance);
        if (m.find()) {
          addReference(references, m.group(1).strip());
        }
      }
      String statementId = s.statementId();
      out.add(
          BankLine.newBuilder()
              .setLineId(
                  parsed.bankReference() != null
                      ? parsed.bankReference()
                      : statementId + ":" + sequence)
              .setBankAccount(s.account)
              .setStatementId(statementId)
              .setAmountMinor(parsed.amountMinor())
              .setCurrency(currency)
              .setBookingDate(parsed.bookingDate())
              .setValueDate(parsed.valueDate())
              .setReversal(parsed.reversal())
              .setReferences(references)
              .setRemittanceInfo(remittance)
              .setBankTxCode(parsed.transactionType())
              .setProvenance(LineProvenance.of(provenance, line.line()))
              .build());
    }

    private void finish() {
      StatementState s = statement;
      statement = null;
      if (s == null) {
        return;
      }
      String subject = "MT940 statement " + s.ordinal + " (line " + s.line + "): ";
      if (s.opening == null || s.closing == null) {
        out.finding(
            s.line,
            BALANCE_UNCHECKED,
            subject
                + (s.opening == null ? "opening (:60F:/:60M:)" : "closing (:62F:/:62M:)")
                + " balance missing or unreadable; opening + lines = closing not checked");
        return;
      }
      String currency = s.opening.currency();
      if (!currency.equals(s.closing.currency())) {
        out.finding(
            s.line,
            BALANCE_UNCHECKED,
            subject
                + "opening balance in "
                + currency
                + " but closing balance in "
                + s.closing.currency()
                + "; not checked");
        return;
      }
      OptionalLong lines = s.booked.value();
      if (lines.isEmpty()) {
        out.finding(s.line, BALANCE_UNCHECKED, subject + "line total overflows; not checked");
        return;
      }
      OptionalLong expected =
          new MinorSum().add(s.opening.amountMinor()).add(lines.getAsLong()).value();
      if (expected.isEmpty() || expected.getAsLong() != s.closing.amountMinor()) {
        out.finding(
            s.line,
            BALANCE_MISMATCH,
            subject
                + "opening + lines != closing: opening="
                + MinorUnits.format(s.opening.amountMinor(), currency)
                + ", lines="
                + MinorUnits.format(lines.getAsLong(), currency)
                + ", closing="
                + MinorUnits.format(s.closing.amountMinor(), currency)
                + " "
                + currency);
      }
    }
  }

  /** Joins :86: lines: a line filled to the SWIFT width was wrapped mid-word, others end a word. */
  static String joinWrapped(List<String> lines) {
    StringBuilder text = new StringBuilder();
    String previous = null;
    for (String line : lines) {
      if (previous != null && previous.length() < SWIFT_LINE_CHARS) {
        text.append(' ');
      }
      text.append(line);
      previous = line;
    }
    String joined = text.toString().strip();
    return joined.isEmpty() ? null : joined;
  }

  private static void addReference(List<String> references, String reference) {
    if (reference != null && !references.contains(reference)) {
      references.add(reference);
    }
  }
}
