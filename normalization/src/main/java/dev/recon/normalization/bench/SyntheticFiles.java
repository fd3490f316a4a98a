package dev.recon.normalization.bench;

import dev.recon.normalization.format.Format;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;

/**
 * Files of any length in the layouts real PSPs and banks send, for the parse benchmark: every row
 * valid and unique, amounts varied, control totals and balances that foot, so a parse yields
 * exactly one canonical record per row and no errors.
 */
final class SyntheticFiles {
  static final Set<Format> FORMATS =
      EnumSet.of(
          Format.EXPECTED_PAYMENTS_CSV,
          Format.ADYEN_SETTLEMENT_DETAIL,
          Format.STRIPE_ITEMIZED,
          Format.STRIPE_BALANCE_HISTORY,
          Format.CAMT_053,
          Format.MT940,
          Format.BAI2,
          Format.STRIPE_WEBHOOK);

  private SyntheticFiles() {}

  static byte[] generate(Format format, int rows) {
    StringBuilder out = new StringBuilder(rows * 200 + 1024);
    switch (format) {
      case EXPECTED_PAYMENTS_CSV -> expected(out, rows);
      case ADYEN_SETTLEMENT_DETAIL -> adyenSettlement(out, rows);
      case STRIPE_ITEMIZED -> stripeItemized(out, rows);
      case STRIPE_BALANCE_HISTORY -> stripeBalanceHistory(out, rows);
      case CAMT_053 -> camt053(out, rows);
      case MT940 -> mt940(out, rows);
      case BAI2 -> bai2(out, rows);
      case STRIPE_WEBHOOK -> stripeWebhook(out, rows);
      default -> throw new IllegalArgumentException("no synthetic layout for " + format);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A varied but deterministic amount in minor units, 1.00 to 1,000.99. */
  static long amountMinor(int row) {
    return 100 + (row * 7919L) % 100_000;
  }

  private static String decimal(long minor, char separator) {
    long abs = Math.abs(minor);
    return (minor < 0 ? "-" : "") + abs / 100 + separator + (abs % 100 < 10 ? "0" : "") + abs % 100;
  }

  private static String decimal(long minor) {
    return decimal(minor, '.');
  }

  private static void expected(StringBuilder out, int rows) {
    out.append(
        "expected_id,merchant_reference,psp,amount,currency,expected_at,amount_min,amount_max,"
            + "expected_from,expected_to,psp_reference,customer_id,description,order_channel\n");
    for (int i = 1; i <= rows; i++) {
      out.append("EXP-B")
          .append(i)
          .append(",ORD-B")
          .append(i)
          .append(",adyen,")
          .append(decimal(amountMinor(i)))
          .append(",USD,2025-03-03,,,,,,CUST-")
          .append(i % 997)
          .append(",Order ")
          .append(i)
          .append(",web\n");
    }
  }

  private static void adyenSettlement(StringBuilder out, int rows) {
    out.append(
        "Company Account,Merchant Account,Psp Reference,Merchant Reference,Payment Method,"
            + "Creation Date,TimeZone,Type,Modification Reference,Gross Currency,Gross Debit (GC),"
            + "Gross Credit (GC),Exchange Rate,Net Currency,Net Debit (NC),Net Credit (NC),"
            + "Commission (NC),Markup (NC),Scheme Fees (NC),Interchange (NC),"
            + "Payment Method Variant,Modification Merchant Reference,Batch Number,Reserved4,"
            + "Reserved5,Reserved6,Reserved7,Reserved8,Reserved9,Reserved10,Booking Date,"
            + "Booking Date TimeZone,Metadata,Merchant Order Reference\r\n");
    for (int i = 1; i <= rows; i++) {
      long gross = amountMinor(i);
      long commission = gross / 50;
      out.append("AcmeCorp,AcmeShopEU,")
          .append(8_815_000_000_000_000L + i)
          .append(",ORD-B")
          .append(i)
          .append(",visa,2025-03-03 10:15:00,CET,Settled,")
          .append(8_816_000_000_000_000L + i)
          .append(",USD,,")
          .append(decimal(gross))
          .append(",1,USD,,")
          .append(decimal(gross - commission))
          .append(',')
          .append(decimal(commission))
          .append(",,,,visastandardcredit,,501,,,,,,,,2025-03-05 08:00:00,CET,,\r\n");
    }
  }

  private static void stripeItemized(StringBuilder out, int rows) {
    out.append(
        "automatic_payout_id,automatic_payout_effective_at,balance_transaction_id,created_utc,"
            + "available_on_utc,currency,gross,fee,net,reporting_category,source_id,charge_id,"
            + "payment_intent_id,description,payment_metadata[order_id],customer_email\n");
    for (int i = 1; i <= rows; i++) {
      long gross = amountMinor(i);
      long fee = 25 + gross / 70;
      out.append("po_BENCH,2025-03-07 00:00:00,txn_B")
          .append(i)
          .append(",2025-03-04 09:15:02,2025-03-06 00:00:00,eur,")
          .append(decimal(gross))
          .append(',')
          .append(decimal(fee))
          .append(',')
          .append(decimal(gross - fee))
          .append(",charge,ch_B")
          .append(i)
          .append(",ch_B")
          .append(i)
          .append(",pi_B")
          .append(i)
          .append(",Order ")
          .append(i)
          .append(",ord-")
          .append(i)
          .append(",\n");
    }
  }

  private static void stripeBalanceHistory(StringBuilder out, int rows) {
    out.append(
        "id,Type,Source,Amount,Fee,Net,Currency,Created (UTC),Available On (UTC),Description,"
            + "Customer Facing Amount,Customer Facing Currency,Transfer,Transfer Date (UTC),"
            + "Transfer Group\n");
    for (int i = 1; i <= rows; i++) {
      long gross = amountMinor(i);
      long fee = 30 + gross * 29 / 1000;
      out.append("txn_B")
          .append(i)
          .append(",charge,ch_B")
          .append(i)
          .append(',')
          .append(decimal(gross))
          .append(',')
          .append(decimal(fee))
          .append(',')
          .append(decimal(gross - fee))
          .append(",usd,2019-03-04 10:00,2019-03-11 00:00,Order ")
          .append(i)
          .append(',')
          .append(decimal(gross))
          .append(",usd,po_9,2019-03-11 00:00,\n");
    }
  }

  private static void camt053(StringBuilder out, int rows) {
    long total = 0;
    for (int i = 1; i <= rows; i++) {
      total += amountMinor(i);
    }
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
      out.append("      <Ntry>\n        <Amt Ccy=\"EUR\">")
          .append(decimal(amountMinor(i)))
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

  private static void mt940(StringBuilder out, int rows) {
    long total = 0;
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
    }
    out.append(":62F:C260102EUR").append(decimal(total, ',')).append("\r\n-}\r\n");
  }

  /** One group, one account, credits only; the 49/98/99 totals and record counts foot. */
  private static void bai2(StringBuilder out, int rows) {
    long total = 0;
    StringBuilder details = new StringBuilder(rows * 60);
    for (int i = 1; i <= rows; i++) {
      long amount = amountMinor(i);
      total += amount;
      details
          .append("16,195,")
          .append(amount)
          .append(",0,BR-")
          .append(i)
          .append(",CUST-")
          .append(i % 997)
          .append(",INCOMING WIRE ")
          .append(i)
          .append("/\r\n");
    }
    out.append("01,SENDER1,RECEIVER1,250304,0810,BENCH,80,1,2/\r\n")
        .append("02,REC1,BANK1,1,250304,0800,EUR,2/\r\n")
        .append("03,DE000111,EUR,010,+0,,/\r\n")
        .append(details)
        .append("49,+")
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

  /** A Stripe list of charge.succeeded events with expanded balance transactions. */
  private static void stripeWebhook(StringBuilder out, int rows) {
    out.append("{\"object\": \"list\", \"data\": [\n");
    for (int i = 1; i <= rows; i++) {
      long amount = amountMinor(i);
      long fee = 30 + amount * 29 / 1000;
      out.append(i == 1 ? "" : ",\n")
          .append("{\"id\": \"evt_B")
          .append(i)
          .append("\", \"object\": \"event\", \"api_version\": \"2025-04-30.basil\",")
          .append(" \"created\": ")
          .append(1_748_465_448L + i)
          .append(", \"type\": \"charge.succeeded\", \"livemode\": false,")
          .append(" \"data\": {\"object\": {\"id\": \"ch_B")
          .append(i)
          .append("\", \"object\": \"charge\", \"amount\": ")
          .append(amount)
          .append(", \"amount_captured\": ")
          .append(amount)
          .append(", \"captured\": true, \"currency\": \"usd\",")
          .append(" \"balance_transaction\": {\"id\": \"txn_B")
          .append(i)
          .append("\", \"object\": \"balance_transaction\", \"amount\": ")
          .append(amount)
          .append(", \"currency\": \"usd\", \"fee\": ")
          .append(fee)
          .append(", \"net\": ")
          .append(amount - fee)
          .append("}, \"metadata\": {\"order_id\": \"ord-")
          .append(i)
          .append("\"}}}}");
    }
    out.append("\n], \"has_more\": false}\n");
  }
}
