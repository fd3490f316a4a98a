package dev.recon.normalization.bench;

import static dev.recon.normalization.bench.SyntheticFiles.amountMinor;
import static dev.recon.normalization.bench.SyntheticFiles.decimal;

import dev.recon.schemas.RecordKind;

/**
 * The bank statement layouts of the parse benchmark: one camt.053 statement, one MT940 statement,
 * one BAI2 file with one group and one account; credits only, balances and control totals footing.
 * One bank line per entry, statement line or detail record.
 */
final class SyntheticBankFiles {
  private SyntheticBankFiles() {}

  static void camt053(FileText file, int rows, ExpectedOutcome expected) {
    long total = 0;
    for (int i = 1; i <= rows; i++) {
      total += amountMinor(i);
    }
    StringBuilder out = file.text();
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">\n")
        .append("  <BkToCstmrStmt>\n")
        .append("    <GrpHdr><MsgId>BENCH-0001</MsgId>")
        .append("<CreDtTm>2025-03-05T06:00:00+01:00</CreDtTm></GrpHdr>\n")
        .append("    <Stmt>\n      <Id>STMT-BENCH</Id>\n")
        .append("      <CreDtTm>2025-03-05T06:00:00+01:00</CreDtTm>\n")
        .append("      <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>\n");
    balance(out, "OPBD", 0, "2025-03-03");
    balance(out, "CLBD", total, "2025-03-04");
    for (int i = 1; i <= rows; i++) {
      long amount = amountMinor(i);
      out.append("      <Ntry>\n        <Amt Ccy=\"EUR\">")
          .append(decimal(amount))
          .append("</Amt>\n        <CdtDbtInd>CRDT</CdtDbtInd>\n        <Sts>BOOK</Sts>\n")
          .append("        <BookgDt><Dt>2025-03-04</Dt></BookgDt>\n")
          .append("        <ValDt><Dt>2025-03-04</Dt></ValDt>\n")
          .append("        <AcctSvcrRef>BENCH-")
          .append(i)
          .append("</AcctSvcrRef>\n")
          .append("        <NtryDtls><TxDtls><Refs><EndToEndId>E2E-")
          .append(i)
          .append("</EndToEndId></Refs>")
          .append("<RmtInf><Ustrd>Order ")
          .append(i)
          .append("</Ustrd></RmtInf></TxDtls></NtryDtls>\n")
          .append("        <AddtlNtryInf>SEPA CREDIT TRANSFER</AddtlNtryInf>\n      </Ntry>\n");
      expected.record(RecordKind.BANK_LINE, "EUR", amount);
      file.rowDone();
    }
    out.append("    </Stmt>\n  </BkToCstmrStmt>\n</Document>\n");
  }

  private static void balance(StringBuilder out, String code, long minor, String date) {
    out.append("      <Bal><Tp><CdOrPrtry><Cd>")
        .append(code)
        .append("</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">")
        .append(decimal(minor))
        .append("</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>")
        .append(date)
        .append("</Dt></Dt></Bal>\n");
  }

  static void mt940(FileText file, int rows, ExpectedOutcome expected) {
    long total = 0;
    StringBuilder out = file.text();
    out.append("{1:F01BANKDEFFXXXX0000000000}")
        .append("{2:O9401200260102BANKDEFFXXXX00000000002601021200N}{4:\r\n")
        .append(":20:STMTBENCH\r\n:25:DE89370400440532013000\r\n:28C:00001/001\r\n")
        .append(":60F:C260101EUR0,00\r\n");
    for (int i = 1; i <= rows; i++) {
      long amount = amountMinor(i);
      total += amount;
      out.append(":61:2601020102C")
          .append(decimal(amount, ','))
          .append("NTRFINV-")
          .append(i)
          .append("//BK")
          .append(i)
          .append("\r\n:86:/EREF/E2E-")
          .append(i)
          .append("/REMI/Payment for invoice ")
          .append(i)
          .append("\r\n");
      expected.record(RecordKind.BANK_LINE, "EUR", amount);
      file.rowDone();
    }
    out.append(":62F:C260102EUR").append(decimal(total, ',')).append("\r\n-}\r\n");
  }

  /** One group, one account, credits only; the 49/98/99 totals and record counts foot. */
  static void bai2(FileText file, int rows, ExpectedOutcome expected) {
    long total = 0;
    StringBuilder out = file.text();
    out.append("01,SENDER1,RECEIVER1,250304,0810,BENCH,80,1,2/\r\n")
        .append("02,REC1,BANK1,1,250304,0800,EUR,2/\r\n")
        .append("03,DE000111,EUR,010,+0,,/\r\n");
    for (int i = 1; i <= rows; i++) {
      long amount = amountMinor(i);
      total += amount;
      out.append("16,195,")
          .append(amount)
          .append(",0,BR-")
          .append(i)
          .append(",CUST-")
          .append(i % 997)
          .append(",INCOMING WIRE ")
          .append(i)
          .append("/\r\n");
      expected.record(RecordKind.BANK_LINE, "EUR", amount);
      file.rowDone();
    }
    out.append("49,+")
        .append(total)
        .append(',')
        .append(rows + 2)
        .append("/\r\n98,+")
        .append(total)
        .append(",1,")
        .append(rows + 4)
        .append("/\r\n99,+")
        .append(total)
        .append(",1,")
        .append(rows + 6)
        .append("/\r\n");
  }
}
