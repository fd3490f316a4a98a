package dev.recon.normalization.camt053;

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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * ISO 20022 camt.053 bank-to-customer statements of any version (camt.053.001.02 to .13): elements
 * are matched by local name, namespaces ignored. One BankLine per Ntry, streamed with StAX so the
 * document is never held as a tree.
 *
 * <p>Sign: CdtDbtInd alone decides it (CRDT +, DBIT -). ISO 20022 defines RvslInd as "this entry is
 * the result of a reversal" with CdtDbtInd already giving the direction of the reversing entry
 * (CRDT with RvslInd = a debit that was reversed), so RvslInd only sets {@code reversal}: flipping
 * the sign would move the balance the wrong way and break opening + entries = closing.
 */
public final class Camt053Parser implements RecordParser {

  /** Finding code: opening balance + booked entries != closing balance. */
  public static final String BALANCE_MISMATCH = "CAMT_BALANCE_MISMATCH";

  /** Finding code: the balance check could not be made (balance missing, currencies differ). */
  public static final String BALANCE_UNCHECKED = "CAMT_BALANCE_UNCHECKED";

  private static final Set<String> REFERENCE_ELEMENTS =
      Set.of("EndToEndId", "InstrId", "AcctSvcrRef", "MndtId");

  /** SEPA's placeholder for an absent end-to-end id: not a reference anyone can match on. */
  private static final String NOT_PROVIDED = "NOTPROVIDED";

  private static final int MAX_MESSAGE_CHARS = 200;

  private final ParserLimits limits;

  public Camt053Parser(ParserLimits limits) {
    this.limits = limits;
  }

  @Override
  public Format format() {
    return Format.CAMT_053;
  }

  @Override
  public ParseResult parse(byte[] payload, Provenance provenance, RecordSink sink) {
    Optional<String> tooLarge = limits.payloadOverLimit(payload.length);
    if (tooLarge.isPresent()) {
      return ParseResult.fileError(provenance, null, tooLarge.get());
    }
    ParseResult.Builder out = ParseResult.builder(provenance, sink);
    new Walk(provenance, out).run(payload);
    return out.build();
  }

  /** One pass over one document; the state of the statement and entry being read. */
  private final class Walk {
    private final Provenance provenance;
    private final ParseResult.Builder out;
    private final List<String> path = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private StatementState statement;
    private int statementDepth;
    private EntryState entry;
    private int entryDepth;
    private BalanceFields balance;
    private int balanceDepth;
    private String amountCurrency;
    private int statements;
    private int entries;

    Walk(Provenance provenance, ParseResult.Builder out) {
      this.provenance = provenance;
      this.out = out;
    }

    void run(byte[] payload) {
      XMLStreamReader reader = null;
      try {
        reader = SafeXml.reader(payload);
        while (reader.hasNext()) {
          int event = reader.next();
          boolean goOn =
              switch (event) {
                case XMLStreamConstants.DTD ->
                    refuse(
                        "XML with a DOCTYPE is refused: DTDs and"
                            + " entities are never processed");
                case XMLStreamConstants.ENTITY_REFERENCE -> refuse("entity references are refused");
                case XMLStreamConstants.START_ELEMENT -> start(reader);
                case XMLStreamConstants.CHARACTERS,
                    XMLStreamConstants.CDATA,
                    XMLStreamConstants.SPACE ->
                    appendText(reader);
                case XMLStreamConstants.END_ELEMENT -> end();
                default -> true;
              };
          if (!goOn) {
            return;
          }
        }
        if (statements == 0) {
          out.error(0, "Stmt", "no camt.053 statement (Stmt) found", null);
        }
      } catch (XMLStreamException e) {
        out.error(0, null, malformed(e), null);
      } finally {
        close(reader);
      }
    }

    private boolean refuse(String reason) {
      out.error(0, null, reason, null);
      return false;
    }

    private boolean start(XMLStreamReader reader) {
      String name = reader.getLocalName();
      path.add(name);
      text.setLength(0);
      int depth = path.size();
      if (depth > limits.maxXmlDepth()) {
        return refuse("XML nested deeper than " + limits.maxXmlDepth() + " elements");
      }
      if (name.equals("Amt")) {
        amountCurrency = reader.getAttributeValue(null, "Ccy");
      }
      if (statement == null) {
        if (name.equals("Stmt") && depth >= 2 && path.get(depth - 2).equals("BkToCstmrStmt")) {
          statement = new StatementState(++statements);
          statementDepth = depth;
        }
      } else if (entry == null && balance == null && depth == statementDepth + 1) {
        if (name.equals("Ntry")) {
          if (entries == limits.maxRows()) {
            return refuse(
                "entry limit of "
                    + limits.maxRows()
                    + " reached; the rest of the file was not read");
          }
          entry = new EntryState(++entries, ++statement.entries);
          entryDepth = depth;
        } else if (name.equals("Bal")) {
          balance = new BalanceFields();
          balanceDepth = depth;
        }
      }
      return true;
    }

    private boolean appendText(XMLStreamReader reader) {
      if (text.length() + reader.getTextLength() > limits.maxLineChars()) {
        return refuse("XML text value longer than " + limits.maxLineChars() + " characters");
      }
      text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
      return true;
    }

    private boolean end() {
      int depth = path.size();
      String value = text.toString().strip();
      if (entry != null) {
        if (depth == entryDepth) {
          finishEntry(entry);
          entry = null;
        } else {
          onEntryElement(relative(entryDepth), value);
        }
      } else if (balance != null) {
        if (depth == balanceDepth) {
          finishBalance(balance);
          balance = null;
        } else {
          onBalanceElement(relative(balanceDepth), value);
        }
      } else if (statement != null) {
        if (depth == statementDepth) {
          finishStatement(statement);
          statement = null;
        } else {
          onStatementElement(relative(statementDepth), value);
        }
      }
      path.remove(depth - 1);
      text.setLength(0);
      return true;
    }

    /** The path below the container that starts at {@code containerDepth}, e.g. "BookgDt/Dt". */
    private String relative(int containerDepth) {
      return String.join("/", path.subList(containerDepth, path.size()));
    }

    private void onStatementElement(String rel, String value) {
      switch (rel) {
        case "Id" -> statement.id = value;
        case "Acct/Id/IBAN" -> statement.account = value;
        case "Acct/Id/Othr/Id" -> {
          if (statement.account == null) {
            statement.account = value;
          }
        }
        default -> {}
      }
    }

    private void onBalanceElement(String rel, String value) {
      switch (rel) {
        case "Tp/CdOrPrtry/Cd" -> balance.code = value.toUpperCase(Locale.ROOT);
        case "Amt" -> {
          balance.amount = value;
          balance.currency = amountCurrency;
        }
        case "CdtDbtInd" -> balance.creditDebit = value;
        default -> {}
      }
    }

    private void finishBalance(BalanceFields b) {
      if (b.code == null
          || !(b.code.equals("OPBD") || b.code.equals("CLBD") || b.code.equals("PRCD"))) {
        return;
      }
      RowProblems problems = new RowProblems(0);
      String field = "Bal(" + b.code + ")/Amt";
      int sign = sign(b.creditDebit, "Bal(" + b.code + ")/CdtDbtInd", problems);
      Long amount = null;
      if (b.currency == null || !MinorUnits.isKnownCurrency(b.currency)) {
        problems.add(field, "missing or unknown currency (Ccy)", b.currency);
      } else {
        amount = problems.amount(field, b.amount == null ? "" : b.amount, b.currency);
      }
      if (!problems.reportTo(out)) {
        statement.addBalance(new Balance(b.code, sign * amount, b.currency));
      }
    }

    private void onEntryElement(String rel, String value) {
      EntryState e = entry;
      switch (rel) {
        case "Amt" -> {
          e.amount = value;
          e.currency = amountCurrency;
        }
        case "CdtDbtInd" -> e.creditDebit = value;
        case "RvslInd" -> e.reversal = value;
        case "Sts", "Sts/Cd" -> {
          // From camt.053.001.08 Sts is a container whose own text is empty.
          if (!value.isEmpty()) {
            e.status = value;
          }
        }
        case "BookgDt/Dt" -> e.bookingDate = value;
        case "BookgDt/DtTm" -> e.bookingDateTime = value;
        case "ValDt/Dt" -> e.valueDate = value;
        case "ValDt/DtTm" -> e.valueDateTime = value;
        case "AcctSvcrRef" -> e.accountServicerReference = value;
        case "AddtlNtryInf" -> e.additionalInfo = value;
        case "BkTxCd/Domn/Cd" -> e.domain = value;
        case "BkTxCd/Domn/Fmly/Cd" -> e.family = value;
        case "BkTxCd/Domn/Fmly/SubFmlyCd" -> e.subFamily = value;
        case "BkTxCd/Prtry/Cd" -> e.proprietaryCode = value;
        default -> {}
      }
      int depth = path.size();
      String name = path.get(depth - 1);
      String parent = path.get(depth - 2);
      if (REFERENCE_ELEMENTS.contains(name)
          || (name.equals("Ref") && parent.equals("CdtrRefInf"))) {
        if (!value.isEmpty() && !value.equalsIgnoreCase(NOT_PROVIDED)) {
          e.references.add(value);
        }
      } else if (name.equals("Ustrd") && !value.isEmpty()) {
        e.unstructured.add(value);
      } else if (name.equals("Nm")) {
        if (e.debtorName == null && isPartyName(rel, "Dbtr")) {
          e.debtorName = value;
        } else if (e.creditorName == null && isPartyName(rel, "Cdtr")) {
          e.creditorName = value;
        }
      }
    }

    /** RltdPties/Dbtr/Nm (up to camt.053.001.07) or RltdPties/Dbtr/Pty/Nm (from .08). */
    private boolean isPartyName(String rel, String party) {
      return rel.endsWith("RltdPties/" + party + "/Nm")
          || rel.endsWith("RltdPties/" + party + "/Pty/Nm");
    }

    private void finishEntry(EntryState e) {
      StatementState s = statement;
      if (s.rejected) {
        return;
      }
      if (s.id == null || s.id.isEmpty() || s.account == null || s.account.isEmpty()) {
        boolean noId = s.id == null || s.id.isEmpty();
        out.error(
            e.fileOrdinal,
            noId ? "Stmt/Id" : "Stmt/Acct/Id",
            "statement "
                + s.ordinal
                + " has no "
                + (noId ? "Id" : "account id")
                + "; its entries were not read",
            null);
        s.rejected = true;
        return;
      }
      RowProblems problems = new RowProblems(e.fileOrdinal);
      Long amount = null;
      if (e.currency == null || e.currency.isEmpty()) {
        problems.add("Ntry/Amt", "currency attribute Ccy missing", null);
      } else if (!MinorUnits.isKnownCurrency(e.currency)) {
        problems.add("Ntry/Amt", "unknown currency code", e.currency);
      } else {
        amount = problems.amount("Ntry/Amt", e.amount == null ? "" : e.amount, e.currency);
        if (amount != null && amount < 0) {
          problems.add("Ntry/Amt", "negative amount: the sign belongs in CdtDbtInd", e.amount);
        }
      }
      int sign = sign(e.creditDebit, "Ntry/CdtDbtInd", problems);
      boolean reversal = false;
      if (e.reversal != null) {
        switch (e.reversal.toLowerCase(Locale.ROOT)) {
          case "true", "1" -> reversal = true;
          case "false", "0" -> reversal = false;
          default -> problems.add("Ntry/RvslInd", "not true or false", e.reversal);
        }
      }
      LocalDate booking = date(e.bookingDate, e.bookingDateTime, "Ntry/BookgDt", problems);
      LocalDate value = date(e.valueDate, e.valueDateTime, "Ntry/ValDt", problems);
      if (booking == null && value == null && problems.isEmpty()) {
        problems.add("Ntry/BookgDt", "neither booking nor value date given", null);
      }
      if (problems.reportTo(out)) {
        return;
      }
      long signed = sign * amount;
      if (e.status == null || e.status.equalsIgnoreCase("BOOK")) {
        s.addBooked(e.currency, signed);
      }
      out.add(
          BankLine.newBuilder()
              .setLineId(
                  e.accountServicerReference != null && !e.accountServicerReference.isEmpty()
                      ? e.accountServicerReference
                      : s.id + "-" + e.statementOrdinal)
              .setBankAccount(s.account)
              .setStatementId(s.id)
              .setAmountMinor(signed)
              .setCurrency(e.currency)
              .setBookingDate(booking != null ? booking : value)
              .setValueDate(value != null ? value : booking)
              .setReversal(reversal)
              .setReferences(new ArrayList<>(e.references))
              .setRemittanceInfo(remittance(e))
              .setCounterparty(
                  sign > 0
                      ? firstOf(e.debtorName, e.creditorName)
                      : firstOf(e.creditorName, e.debtorName))
              .setBankTxCode(bankTransactionCode(e))
              .setProvenance(LineProvenance.of(provenance, e.fileOrdinal))
              .build());
    }

    private void finishStatement(StatementState s) {
      if (s.rejected) {
        return;
      }
      Balance opening = s.openingBalance();
      Balance closing = s.closing;
      String subject = "camt.053 statement " + s.ordinal + ": ";
      if (opening == null || closing == null) {
        out.finding(
            0,
            BALANCE_UNCHECKED,
            subject
                + (opening == null ? "opening (OPBD/PRCD)" : "closing (CLBD)")
                + " balance missing; opening + entries = closing not checked");
        return;
      }
      if (!opening.currency().equals(closing.currency())) {
        out.finding(
            0,
            BALANCE_UNCHECKED,
            subject
                + "opening balance in "
                + opening.currency()
                + " but closing balance in "
                + closing.currency()
                + "; opening + entries = closing not checked");
        return;
      }
      String currency = opening.currency();
      for (String other : s.bookedByCurrency.keySet()) {
        if (!other.equals(currency)) {
          out.finding(
              0,
              BALANCE_UNCHECKED,
              subject + "entries in " + other + " on a " + currency + " statement; not checked");
          return;
        }
      }
      OptionalLong entriesSum = s.bookedByCurrency.getOrDefault(currency, new MinorSum()).value();
      OptionalLong expectedClosing =
          entriesSum.isPresent()
              ? new MinorSum().add(opening.amountMinor()).add(entriesSum.getAsLong()).value()
              : OptionalLong.empty();
      if (expectedClosing.isEmpty()) {
        out.finding(0, BALANCE_UNCHECKED, subject + "entry total overflows; not checked");
      } else if (expectedClosing.getAsLong() != closing.amountMinor()) {
        out.finding(
            0,
            BALANCE_MISMATCH,
            subject
                + "opening + entries != closing: opening="
                + MinorUnits.format(opening.amountMinor(), currency)
                + ", entries="
                + MinorUnits.format(entriesSum.getAsLong(), currency)
                + ", closing="
                + MinorUnits.format(closing.amountMinor(), currency)
                + " "
                + currency);
      }
    }

    private String malformed(XMLStreamException e) {
      String message = e.getMessage() == null ? "" : e.getMessage();
      int at = message.indexOf("Message: ");
      if (at >= 0) {
        message = message.substring(at + "Message: ".length());
      }
      message = message.replaceAll("\\s+", " ").strip();
      if (message.length() > MAX_MESSAGE_CHARS) {
        message = message.substring(0, MAX_MESSAGE_CHARS) + "...";
      }
      Location location = e.getLocation();
      String where =
          location == null
              ? ""
              : " at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
      return "malformed XML" + where + ": " + message;
    }
  }

  private static final class BalanceFields {
    String code;
    String amount;
    String currency;
    String creditDebit;
  }

  private static int sign(String creditDebit, String field, RowProblems problems) {
    if ("CRDT".equals(creditDebit)) {
      return 1;
    }
    if ("DBIT".equals(creditDebit)) {
      return -1;
    }
    problems.add(
        field, creditDebit == null ? "required value missing" : "not CRDT or DBIT", creditDebit);
    return 0;
  }

  private static LocalDate date(String date, String dateTime, String field, RowProblems problems) {
    String text = date != null ? date : dateTime;
    if (text == null) {
      return null;
    }
    try {
      if (date != null) {
        return LocalDate.parse(text);
      }
      // The bank's own calendar day counts, so the offset is kept, not converted to UTC.
      boolean hasOffset =
          text.endsWith("Z") || text.lastIndexOf('+') > 10 || text.lastIndexOf('-') > 10;
      return hasOffset
          ? OffsetDateTime.parse(text).toLocalDate()
          : LocalDateTime.parse(text).toLocalDate();
    } catch (DateTimeParseException e) {
      problems.add(field, "not an ISO-8601 date or date-time", text);
      return null;
    }
  }

  private static String remittance(EntryState e) {
    List<String> parts = new ArrayList<>(e.unstructured);
    if (e.additionalInfo != null && !e.additionalInfo.isEmpty()) {
      parts.add(e.additionalInfo);
    }
    return parts.isEmpty() ? null : String.join(" ", parts);
  }

  private static String bankTransactionCode(EntryState e) {
    if (e.domain != null) {
      StringBuilder code = new StringBuilder(e.domain);
      if (e.family != null) {
        code.append('/').append(e.family);
        if (e.subFamily != null) {
          code.append('/').append(e.subFamily);
        }
      }
      return code.toString();
    }
    return e.proprietaryCode;
  }

  private static String firstOf(String a, String b) {
    return a != null && !a.isEmpty() ? a : b;
  }

  private static void close(XMLStreamReader reader) {
    if (reader == null) {
      return;
    }
    try {
      reader.close();
    } catch (XMLStreamException ignored) {
      // Nothing is held open: the input is an in-memory byte array.
    }
  }
}
