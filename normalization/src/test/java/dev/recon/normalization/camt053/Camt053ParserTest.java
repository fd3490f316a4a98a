package dev.recon.normalization.camt053;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.recon.normalization.Fixtures;
import dev.recon.normalization.format.DataQualityFinding;
import dev.recon.normalization.format.ParseError;
import dev.recon.normalization.format.ParseResult;
import dev.recon.normalization.format.ParserLimits;
import dev.recon.schemas.BankLine;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class Camt053ParserTest {
  private final Camt053Parser parser = new Camt053Parser(ParserLimits.DEFAULT);

  private ParseResult parse(String fixture) {
    return parser.parse(Fixtures.bytes("camt053/" + fixture), Fixtures.provenance(fixture));
  }

  private ParseResult parseXml(String xml, ParserLimits limits) {
    return new Camt053Parser(limits)
        .parse(xml.getBytes(StandardCharsets.UTF_8), Fixtures.provenance("x.xml"));
  }

  private static List<BankLine> lines(ParseResult r) {
    return r.records().stream().map(BankLine.class::cast).toList();
  }

  private static String statement(String entries) {
    return "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt>"
        + "<Stmt><Id>S1</Id><Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id></Acct>"
        + entries
        + "</Stmt></BkToCstmrStmt></Document>";
  }

  private static String entry(String amount, String ccy, String cdtDbt) {
    return "<Ntry><Amt Ccy=\""
        + ccy
        + "\">"
        + amount
        + "</Amt><CdtDbtInd>"
        + cdtDbt
        + "</CdtDbtInd><BookgDt><Dt>2025-03-04</Dt></BookgDt></Ntry>";
  }

  @Test
  void oneBankLinePerEntryWithSignsDatesAndIds() {
    ParseResult r = parse("camt053_v02_two_statements.xml");
    assertThat(r.errors()).isEmpty();
    assertThat(r.findings()).as("both statements foot").isEmpty();
    assertThat(lines(r))
        .extracting(
            BankLine::getLineId,
            BankLine::getStatementId,
            BankLine::getBankAccount,
            BankLine::getAmountMinor,
            BankLine::getCurrency,
            BankLine::getBookingDate,
            BankLine::getValueDate,
            BankLine::getReversal)
        .containsExactly(
            tuple(
                "BANKREF-0001",
                "STMT-2025-03-04-001",
                "DE89370400440532013000",
                9830L,
                "EUR",
                LocalDate.of(2025, 3, 4),
                LocalDate.of(2025, 3, 4),
                false),
            tuple(
                "STMT-2025-03-04-001-2",
                "STMT-2025-03-04-001",
                "DE89370400440532013000",
                -1280L,
                "EUR",
                LocalDate.of(2025, 3, 4),
                LocalDate.of(2025, 3, 5),
                false),
            tuple(
                "BANKREF-0003",
                "STMT-2025-03-04-001",
                "DE89370400440532013000",
                2500L,
                "EUR",
                LocalDate.of(2025, 3, 4),
                LocalDate.of(2025, 3, 4),
                true),
            tuple(
                "BANKREF-0004",
                "STMT-2025-03-04-001",
                "DE89370400440532013000",
                2400L,
                "EUR",
                LocalDate.of(2025, 3, 4),
                LocalDate.of(2025, 3, 4),
                false),
            tuple(
                "STMT-USD-0001-1",
                "STMT-USD-0001",
                "US-ACCT-778899",
                9830L,
                "USD",
                LocalDate.of(2025, 3, 4),
                LocalDate.of(2025, 3, 5),
                false));
    assertThat(lines(r))
        .extracting(l -> l.getProvenance().getLine())
        .containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void referencesRemittanceCounterpartyAndBankCode() {
    List<BankLine> ls = lines(parse("camt053_v02_two_statements.xml"));
    BankLine payout = ls.get(0);
    assertThat(payout.getReferences())
        .as("NOTPROVIDED is no reference")
        .containsExactly("BANKREF-0001");
    assertThat(payout.getRemittanceInfo())
        .isEqualTo("TX12345678902XT batch 501, AcmeShopEU SEPA CREDIT TRANSFER");
    assertThat(payout.getCounterparty()).as("debtor of a credit").isEqualTo("Adyen N.V.");
    assertThat(payout.getBankTxCode()).isEqualTo("PMNT/RCDT/ESCT");

    BankLine debit = ls.get(1);
    assertThat(debit.getReferences())
        .containsExactly("INSTR-778", "E2E-778", "MANDATE-42", "RF18539007547034");
    assertThat(debit.getCounterparty()).as("creditor of a debit").isEqualTo("Energy Supplier AG");
    assertThat(debit.getBankTxCode()).isEqualTo("DD-544");
    assertThat(debit.getRemittanceInfo()).isNull();

    assertThat(ls.get(2).getReferences()).containsExactly("BANKREF-0003", "E2E-777");
    assertThat(ls.get(3).getRemittanceInfo()).isEqualTo("Invoice 1005 & co");
    assertThat(ls.get(3).getCounterparty()).isEqualTo("Jane Customer");
  }

  @Test
  void laterVersionWithPrefixPartyNamesPendingEntriesAndABalanceThatDoesNotFoot() {
    ParseResult r = parse("camt053_v08_mismatch.xml");
    assertThat(r.errors()).isEmpty();
    List<BankLine> ls = lines(r);
    assertThat(ls)
        .extracting(BankLine::getLineId, BankLine::getAmountMinor, BankLine::getCurrency)
        .containsExactly(tuple("JP-REF-1", 3158L, "JPY"), tuple("JP-STMT-0008-2", 500L, "JPY"));
    assertThat(ls.get(0).getCounterparty()).isEqualTo("Yamada Taro");
    assertThat(ls.get(0).getReferences()).containsExactly("JP-REF-1", "E2E-JP-1", "JP-TX-REF-1");
    assertThat(ls.get(0).getBookingDate()).isEqualTo(LocalDate.of(2025, 3, 4));
    assertThat(ls.get(1).getValueDate())
        .as("value date falls back to booking date")
        .isEqualTo(LocalDate.of(2025, 3, 4));
    assertThat(r.findings())
        .extracting(DataQualityFinding::code, DataQualityFinding::message)
        .containsExactly(
            tuple(
                Camt053Parser.BALANCE_MISMATCH,
                "camt.053 statement 1: opening + entries != closing: opening=10000,"
                    + " entries=3158, closing=20000 JPY"));
  }

  @Test
  void badEntriesAreErrorsAndTheOthersStillFlow() {
    ParseResult r = parse("camt053_bad_entries.xml");
    assertThat(lines(r))
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.getAmountMinor()).isEqualTo(-1250L);
              assertThat(l.getCurrency()).isEqualTo("KWD");
              assertThat(l.getLineId()).isEqualTo("STMT-BAD-1-3");
            });
    assertThat(r.errors())
        .extracting(ParseError::line, ParseError::field, ParseError::reason)
        .containsExactly(
            tuple(
                1,
                "Ntry/Amt",
                "more than 2 decimal(s) for EUR: 10.005 (amounts are never rounded)"),
            tuple(2, "Ntry/CdtDbtInd", "required value missing"),
            tuple(4, "Ntry/Amt", "unknown currency code"),
            tuple(4, "Ntry/BookgDt", "not an ISO-8601 date or date-time"));
    assertThat(r.findings())
        .extracting(DataQualityFinding::code)
        .containsExactly(Camt053Parser.BALANCE_UNCHECKED);
  }

  @Test
  void xxeAttemptIsRefusedBeforeAnyEntityIsResolved() {
    ParseResult r = parse("camt053_xxe.xml");
    assertThat(r.records()).isEmpty();
    assertThat(r.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.reason()).contains("DOCTYPE is refused");
              assertThat(e.line()).isZero();
            });
    assertThat(r.errors().get(0).describe()).doesNotContain("root:");
  }

  @Test
  void entityExpansionBombIsRefused() {
    String bomb =
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
            + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
            + "<Document><BkToCstmrStmt><Stmt><Id>&lol2;</Id></Stmt></BkToCstmrStmt></Document>";
    ParseResult r = parseXml(bomb, ParserLimits.DEFAULT);
    assertThat(r.records()).isEmpty();
    assertThat(r.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).contains("DOCTYPE"));
  }

  @Test
  void undeclaredEntityIsMalformedXml() {
    ParseResult r = parseXml(statement("<Ntry>&ext;</Ntry>"), ParserLimits.DEFAULT);
    assertThat(r.records()).isEmpty();
    assertThat(r.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).startsWith("malformed XML at line 1"));
  }

  @Test
  void depthLimit() {
    ParserLimits limits = new ParserLimits(1 << 20, 100, 1000, 8);
    String deep = "<a>".repeat(9) + "</a>".repeat(9);
    ParseResult r = parseXml(deep, limits);
    assertThat(r.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).isEqualTo("XML nested deeper than 8 elements"));
    assertThat(parseXml(statement(entry("1.00", "EUR", "CRDT")), limits).records()).hasSize(1);
  }

  @Test
  void entryLimitKeepsTheFirstEntriesAndReportsTheRest() {
    ParserLimits limits = new ParserLimits(1 << 20, 2, 1000, 64);
    ParseResult r = parseXml(statement(entry("1.00", "EUR", "CRDT").repeat(3)), limits);
    assertThat(r.records()).hasSize(2);
    assertThat(r.errors())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.reason())
                    .isEqualTo("entry limit of 2 reached; the rest of the file was not read"));
  }

  @Test
  void textLengthLimit() {
    ParserLimits limits = new ParserLimits(1 << 20, 10, 50, 64);
    String xml =
        statement(
            entry("1.00", "EUR", "CRDT")
                .replace("</Ntry>", "<AddtlNtryInf>" + "x".repeat(51) + "</AddtlNtryInf></Ntry>"));
    ParseResult r = parseXml(xml, limits);
    assertThat(r.records()).isEmpty();
    assertThat(r.errors())
        .singleElement()
        .satisfies(
            e -> assertThat(e.reason()).isEqualTo("XML text value longer than 50 characters"));
  }

  @Test
  void payloadLimit() {
    ParserLimits limits = new ParserLimits(100, 10, 50, 64);
    ParseResult r = parseXml(statement(entry("1.00", "EUR", "CRDT")), limits);
    assertThat(r.records()).isEmpty();
    assertThat(r.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).startsWith("payload of ").endsWith("limit of 100"));
  }

  @Test
  void truncatedDocumentKeepsTheEntriesReadAndReportsWhere() {
    String xml = statement(entry("1.00", "EUR", "CRDT") + entry("2.00", "EUR", "DBIT"));
    ParseResult r = parseXml(xml.substring(0, xml.length() - 30), ParserLimits.DEFAULT);
    assertThat(lines(r)).extracting(BankLine::getAmountMinor).containsExactly(100L, -200L);
    assertThat(r.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).startsWith("malformed XML at line 1, column"));
  }

  @Test
  void statementWithoutAccountIsReportedOnceAndItsEntriesDropped() {
    String xml =
        "<Document><BkToCstmrStmt><Stmt><Id>S9</Id>"
            + entry("1.00", "EUR", "CRDT").repeat(2)
            + "</Stmt></BkToCstmrStmt></Document>";
    ParseResult r = parseXml(xml, ParserLimits.DEFAULT);
    assertThat(r.records()).isEmpty();
    assertThat(r.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("Stmt/Acct/Id");
              assertThat(e.line()).isEqualTo(1);
            });
  }

  @Test
  void notAStatement() {
    ParseResult r = parseXml("<Document><BkToCstmrAcctRpt/></Document>", ParserLimits.DEFAULT);
    assertThat(r.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).isEqualTo("no camt.053 statement (Stmt) found"));
    assertThat(parseXml("not xml at all", ParserLimits.DEFAULT).errors())
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).startsWith("malformed XML"));
  }

  @Test
  void encodingsFromBomOrDeclaration() {
    String body =
        statement(
            entry("1.00", "EUR", "CRDT")
                .replace("</Ntry>", "<AddtlNtryInf>Café</AddtlNtryInf></Ntry>"));
    byte[] latin1 =
        ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + body)
            .getBytes(Charset.forName("ISO-8859-1"));
    byte[] utf8 =
        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + body).getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[utf8.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(utf8, 0, withBom, 3, utf8.length);
    for (byte[] payload : List.of(latin1, withBom)) {
      ParseResult r = parser.parse(payload, Fixtures.provenance("e.xml"));
      assertThat(r.errors()).isEmpty();
      assertThat(lines(r))
          .singleElement()
          .satisfies(l -> assertThat(l.getRemittanceInfo()).isEqualTo("Café"));
    }
  }

  @Test
  void reversalKeepsTheSignOfCdtDbtIndAndDebitBalancesAreNegative() {
    String xml =
        "<Document><BkToCstmrStmt><Stmt><Id>S2</Id>"
            + "<Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id></Acct>"
            + "<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">10.00</Amt>"
            + "<CdtDbtInd>DBIT</CdtDbtInd></Bal>"
            + "<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">5.00</Amt>"
            + "<CdtDbtInd>DBIT</CdtDbtInd></Bal>"
            + entry("5.00", "EUR", "CRDT")
                .replace("</CdtDbtInd>", "</CdtDbtInd><RvslInd>true</RvslInd>")
            + "</Stmt></BkToCstmrStmt></Document>";
    ParseResult r = parseXml(xml, ParserLimits.DEFAULT);
    assertThat(lines(r))
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.getAmountMinor()).isEqualTo(500L);
              assertThat(l.getReversal()).isTrue();
            });
    assertThat(r.findings()).as("-10.00 + 5.00 = -5.00").isEmpty();
  }

  @Test
  void balanceInAnotherCurrencyCannotBeChecked() {
    String xml =
        "<Document><BkToCstmrStmt><Stmt><Id>S3</Id>"
            + "<Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id></Acct>"
            + "<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">18.15</Amt>"
            + "<CdtDbtInd>CRDT</CdtDbtInd></Bal>"
            + "<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"SEK\">27.00</Amt>"
            + "<CdtDbtInd>DBIT</CdtDbtInd></Bal>"
            + entry("8.85", "EUR", "CRDT")
            + "</Stmt></BkToCstmrStmt></Document>";
    ParseResult r = parseXml(xml, ParserLimits.DEFAULT);
    assertThat(r.records()).hasSize(1);
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo(Camt053Parser.BALANCE_UNCHECKED);
              assertThat(f.message())
                  .isEqualTo(
                      "camt.053 statement 1: opening balance in EUR but closing"
                          + " balance in SEK; opening + entries = closing not checked");
            });
  }
}
