package dev.recon.normalization.bai2;

import dev.recon.normalization.csv.TextDecoding;
import dev.recon.normalization.format.Format;
import dev.recon.normalization.format.LineProvenance;
import dev.recon.normalization.format.ParseResult;
import dev.recon.normalization.format.ParserLimits;
import dev.recon.normalization.format.RecordParser;
import dev.recon.normalization.format.RecordSink;
import dev.recon.normalization.format.RowProblems;
import dev.recon.normalization.money.MinorUnits;
import dev.recon.schemas.BankLine;
import dev.recon.schemas.Provenance;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * BAI2 cash management balance reports: one BankLine per 16 (transaction detail) record. Files nest
 * 01 file / 02 group / 03 account / 16 details / 49, 98, 99 trailers; every trailer's control total
 * and counts are checked (see {@link ControlLevel}).
 *
 * <p>Sign: detail amounts are unsigned; type codes 100-399 are credits (+), 400-699 debits (-).
 * Line id: the bank reference of the 16 record when given, else account, as-of date and the
 * detail's sequence among that account's details of that day in the file.
 */
public final class Bai2Parser implements RecordParser {

  /** Finding code: a 49, 98 or 99 trailer does not agree with what it closes. */
  public static final String CONTROL_MISMATCH = ControlLevel.CONTROL_MISMATCH;

  /** Finding code: an account, group or file has no trailer, so its totals are not checked. */
  public static final String CONTROL_UNCHECKED = ControlLevel.CONTROL_UNCHECKED;

  /** BAI2's default when neither the account nor the group names a currency. */
  static final String DEFAULT_CURRENCY = "USD";

  /** Non-monetary information detail: no amount, no bank line. */
  private static final int NON_MONETARY = 890;

  private final ParserLimits limits;

  public Bai2Parser(ParserLimits limits) {
    this.limits = limits;
  }

  @Override
  public Format format() {
    return Format.BAI2;
  }

  @Override
  public ParseResult parse(byte[] payload, Provenance provenance, RecordSink sink) {
    Optional<String> tooLarge = limits.payloadOverLimit(payload.length);
    if (tooLarge.isPresent()) {
      return ParseResult.fileError(provenance, null, tooLarge.get());
    }
    ParseResult.Builder out = ParseResult.builder(provenance, sink);
    List<Bai2Record> records =
        Bai2RecordReader.read(
            TextDecoding.decode(payload).text(), limits.maxLineChars(), limits.maxRows(), out);
    new Walk(provenance, out).run(records);
    return out.build();
  }

  /** One pass over the records of one file. */
  private static final class Walk {
    private final Provenance provenance;
    private final ParseResult.Builder out;
    private ControlLevel file;
    private ControlLevel group;
    private ControlLevel account;
    private String groupCurrency;
    private LocalDate asOfDate;
    private String accountNumber;
    private String accountCurrency;

    /** Detail sequence per statement id: an account may appear in several 03 records per day. */
    private final Map<String, Integer> sequences = new HashMap<>();

    Walk(Provenance provenance, ParseResult.Builder out) {
      this.provenance = provenance;
      this.out = out;
    }

    void run(List<Bai2Record> records) {
      if (records.isEmpty()) {
        out.error(0, "01", "no BAI2 records found", null);
        return;
      }
      for (Bai2Record r : records) {
        switch (r.code) {
          case "01" -> file = new ControlLevel("file", r.line);
          case "02" -> openGroup(r);
          case "03" -> openAccount(r);
          default -> {}
        }
        count(r);
        switch (r.code) {
          case "01", "02", "03" -> {}
          case "16" -> detail(r);
          case "49" -> closeAccount(r);
          case "98" -> closeGroup(r);
          case "99" -> closeFile(r);
          default -> out.error(r.line, "record code", "not a BAI2 record code", r.code);
        }
      }
      unchecked(account, "49");
      unchecked(group, "98");
      unchecked(file, "99");
    }

    private void count(Bai2Record r) {
      for (ControlLevel level : new ControlLevel[] {file, group, account}) {
        if (level != null) {
          level.records += r.physicalRecords();
        }
      }
    }

    private void openGroup(Bai2Record r) {
      unchecked(group, "98");
      group = new ControlLevel("group", r.line);
      if (file != null) {
        file.children++;
      }
      FieldCursor f = new FieldCursor(r.delimitedText());
      RowProblems problems = new RowProblems(r.line);
      f.next(); // ultimate receiver
      f.next(); // originator
      f.next(); // group status
      asOfDate = Bai2Dates.yymmdd("02 as-of date", f.next(), problems);
      f.next(); // as-of time
      String currency = f.next();
      groupCurrency = currency.isEmpty() ? DEFAULT_CURRENCY : currency;
      if (!MinorUnits.isKnownCurrency(groupCurrency)) {
        problems.add("02 currency", "unknown currency code", currency);
        groupCurrency = null;
      }
      problems.reportTo(out);
    }

    private void openAccount(Bai2Record r) {
      unchecked(account, "49");
      account = new ControlLevel("account", r.line);
      if (group != null) {
        group.children++;
      }
      FieldCursor f = new FieldCursor(r.delimitedText());
      RowProblems problems = new RowProblems(r.line);
      accountNumber = f.next();
      if (accountNumber.isEmpty()) {
        problems.add("03 account number", "required value missing", null);
      }
      String currency = f.next();
      accountCurrency = currency.isEmpty() ? groupCurrency : currency;
      if (accountCurrency == null || !MinorUnits.isKnownCurrency(accountCurrency)) {
        problems.add("03 currency", "unknown currency code", currency);
        accountCurrency = null;
      }
      // Summary and status amounts: type code, amount, item count, funds type and its fields.
      while (!f.ended()) {
        String typeCode = f.next();
        String amount = f.next();
        f.next();
        FundsType.read(f, "03 funds type", problems);
        if (!typeCode.isEmpty() && !amount.isEmpty()) {
          Long minor = Bai2Amount.signed("03 amount of type " + typeCode, amount, problems);
          if (minor != null) {
            account.amounts.add(minor);
          }
        }
      }
      problems.reportTo(out);
    }

    private void detail(Bai2Record r) {
      RowProblems problems = new RowProblems(r.line);
      if (account == null || asOfDate == null) {
        problems.add("16", "detail outside an account (03) of a dated group (02)", null);
        problems.reportTo(out);
        return;
      }
      String statementId = accountNumber + "/" + asOfDate;
      int sequence = sequences.merge(statementId, 1, Integer::sum);
      FieldCursor f = new FieldCursor(r.content);
      String typeText = f.next();
      String amountText = f.next();
      Long amount = Bai2Amount.unsigned("16 amount", amountText, problems);
      if (amount != null) {
        account.amounts.add(amount);
      }
      FundsType funds = FundsType.read(f, "16 funds type", problems);
      String bankReference = f.next();
      String customerReference = f.next();
      String text = text(f.rest(), r.continuations);
      int typeCode = typeCode(typeText);
      if (typeCode == NON_MONETARY) {
        return;
      }
      int sign = 0;
      if (typeCode >= 100 && typeCode <= 399) {
        sign = 1;
      } else if (typeCode >= 400 && typeCode <= 699) {
        sign = -1;
      } else {
        problems.add("16 type code", "not a credit (100-399) or debit (400-699) detail", typeText);
      }
      if (accountCurrency == null) {
        problems.add("03 currency", "the account's currency is unknown", null);
      }
      if (problems.reportTo(out)) {
        return;
      }
      List<String> references = new ArrayList<>();
      if (!bankReference.isEmpty()) {
        references.add(bankReference);
      }
      if (!customerReference.isEmpty() && !customerReference.equals(bankReference)) {
        references.add(customerReference);
      }
      out.add(
          BankLine.newBuilder()
              .setLineId(bankReference.isEmpty() ? statementId + ":" + sequence : bankReference)
              .setBankAccount(accountNumber)
              .setStatementId(statementId)
              .setAmountMinor(sign * amount)
              .setCurrency(accountCurrency)
              .setBookingDate(asOfDate)
              .setValueDate(funds.valueDate() != null ? funds.valueDate() : asOfDate)
              .setReversal(false)
              .setReferences(references)
              .setRemittanceInfo(text)
              .setBankTxCode(typeText)
              .setProvenance(LineProvenance.of(provenance, r.line))
              .build());
    }

    private void closeAccount(Bai2Record r) {
      if (account == null) {
        out.error(r.line, "49", "account trailer without an account (03)", null);
        return;
      }
      long total = account.check(r, null, out);
      if (group != null) {
        group.amounts.add(total);
      }
      account = null;
    }

    private void closeGroup(Bai2Record r) {
      unchecked(account, "49");
      account = null;
      if (group == null) {
        out.error(r.line, "98", "group trailer without a group (02)", null);
        return;
      }
      long total = group.check(r, "accounts", out);
      if (file != null) {
        file.amounts.add(total);
      }
      group = null;
    }

    private void closeFile(Bai2Record r) {
      unchecked(group, "98");
      group = null;
      if (file == null) {
        out.error(r.line, "99", "file trailer without a file header (01)", null);
        return;
      }
      file.check(r, "groups", out);
      file = null;
    }

    private void unchecked(ControlLevel level, String trailer) {
      if (level != null) {
        out.finding(
            level.headerLine,
            CONTROL_UNCHECKED,
            level.name
                + " from line "
                + level.headerLine
                + " has no "
                + trailer
                + " trailer; its control totals are not checked");
      }
    }
  }

  private static int typeCode(String text) {
    if (text.length() != 3) {
      return -1;
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The free text of a 16 record and of the 88 records continuing it. */
  private static String text(String first, List<String> continuations) {
    StringBuilder text = new StringBuilder(first);
    for (String c : continuations) {
      String part = c.stripTrailing();
      if (part.endsWith("/")) {
        part = part.substring(0, part.length() - 1);
      }
      if (!part.isBlank()) {
        text.append(text.length() == 0 ? "" : " ").append(part.strip());
      }
    }
    String joined = text.toString().strip();
    return joined.isEmpty() ? null : joined;
  }
}
