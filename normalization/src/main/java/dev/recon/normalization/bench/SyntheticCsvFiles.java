package dev.recon.normalization.bench;

import static dev.recon.normalization.bench.SyntheticFiles.amountMinor;
import static dev.recon.normalization.bench.SyntheticFiles.decimal;

import dev.recon.schemas.RecordKind;

/**
 * The CSV layouts of the parse benchmark: the tenant's expected payments, Adyen's settlement
 * details and payments accounting reports, Stripe's itemized and balance-history exports, PayPal's
 * settlement (STL) and transaction detail (TRR) reports. One canonical record per data row; every
 * tenth row has a quoted description with a comma in it, as real exports do.
 */
final class SyntheticCsvFiles {
  private SyntheticCsvFiles() {}

  private static String description(int row) {
    return row % 10 == 0 ? "\"Order " + row + ", gift\"" : "Order " + row;
  }

  static void expected(FileText file, int rows, ExpectedOutcome expected) {
    StringBuilder out = file.text();
    out.append(
        "expected_id,merchant_reference,psp,amount,currency,expected_at,amount_min,amount_max,"
            + "expected_from,expected_to,psp_reference,customer_id,description,order_channel\n");
    for (int i = 1; i <= rows; i++) {
      long amount = amountMinor(i);
      out.append("EXP-B")
          .append(i)
          .append(",ORD-B")
          .append(i)
          .append(",adyen,")
          .append(decimal(amount))
          .append(",USD,2025-03-03,,,,,,CUST-")
          .append(i % 997)
          .append(',')
          .append(description(i))
          .append(",web\n");
      expected.record(RecordKind.EXPECTED, "USD", amount);
      file.rowDone();
    }
  }

  static void adyenSettlement(FileText file, int rows, ExpectedOutcome expected) {
    StringBuilder out = file.text();
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
      expected.record(RecordKind.PSP_TXN, "USD", gross);
      file.rowDone();
    }
  }

  /** Settled rows only: lifecycle rows without money movement would each be a finding. */
  static void adyenAccounting(FileText file, int rows, ExpectedOutcome expected) {
    StringBuilder out = file.text();
    out.append(
        "Company Account,Merchant Account,Psp Reference,Merchant Reference,Payment Method,"
            + "Booking Date,TimeZone,Main Currency,Main Amount,Record Type,Payment Currency,"
            + "Received (PC),Authorised (PC),Captured (PC),Settlement Currency,Payable (SC),"
            + "Commission (SC),Markup (SC),Scheme Fees (SC),Interchange (SC),"
            + "Processing Fee Currency,Processing Fee (FC),User Name,Payment Method Variant,"
            + "Modification Merchant Reference,Reserved1,Reserved2\r\n");
    for (int i = 1; i <= rows; i++) {
      long gross = amountMinor(i);
      long commission = gross / 80;
      long scheme = gross / 200;
      long interchange = gross / 100;
      long payable = gross - commission - scheme - interchange;
      out.append("AcmeCorp,AcmeShopEU,")
          .append(8_815_000_000_000_000L + i)
          .append(",ORD-B")
          .append(i)
          .append(",visa,2025-03-05 02:00:00,CET,EUR,")
          .append(decimal(gross))
          .append(",Settled,EUR,,,")
          .append(decimal(-gross))
          .append(",EUR,")
          .append(decimal(payable))
          .append(',')
          .append(decimal(commission))
          .append(",,")
          .append(decimal(scheme))
          .append(',')
          .append(decimal(interchange))
          .append(",,,system,visacredit,,,\r\n");
      expected.record(RecordKind.PSP_TXN, "EUR", gross);
      file.rowDone();
    }
  }

  static void stripeItemized(FileText file, int rows, ExpectedOutcome expected) {
    StringBuilder out = file.text();
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
          .append(',')
          .append(description(i))
          .append(",ord-")
          .append(i)
          .append(",\n");
      expected.record(RecordKind.PSP_TXN, "EUR", gross);
      file.rowDone();
    }
  }

  static void stripeBalanceHistory(FileText file, int rows, ExpectedOutcome expected) {
    StringBuilder out = file.text();
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
          .append(",usd,2019-03-04 10:00,2019-03-11 00:00,")
          .append(description(i))
          .append(',')
          .append(decimal(gross))
          .append(",usd,po_9,2019-03-11 00:00,\n");
      expected.record(RecordKind.PSP_TXN, "USD", gross);
      file.rowDone();
    }
  }

  private static final String PAYPAL_COLUMNS =
      "CH,Transaction ID,Invoice ID,PayPal Reference ID,PayPal Reference ID Type,"
          + "Transaction Event Code,Transaction Initiation Date,Transaction Completion Date,"
          + "Transaction Debit or Credit,Gross Transaction Amount,Gross Transaction Currency,"
          + "Fee Debit or Credit,Fee Amount,Fee Currency";

  /** One section of USD payments received (T0006) with their fees; footers foot. */
  static void paypalSettlement(FileText file, int rows, ExpectedOutcome expected) {
    StringBuilder out = file.text();
    out.append("RH,2026/02/04 01:00:00 -0800,A,ACCT42,1,,,,,,,,,,,,\n")
        .append("FH,1,,,,,,,,,,,,,,,\n")
        .append("SH,2026/02/03 00:00:00 -0800,2026/02/03 23:59:59 -0800,ACCT42,,,,,,,,,,,,,\n")
        .append(PAYPAL_COLUMNS)
        .append(",Custom Field,Consumer ID,Bank Reference ID\n");
    long grossCredit = 0;
    long feeDebit = 0;
    for (int i = 1; i <= rows; i++) {
      long gross = amountMinor(i);
      long fee = 30 + gross * 29 / 1000;
      grossCredit += gross;
      feeDebit += fee;
      out.append("SB,TX")
          .append(i)
          .append("USD,INV-")
          .append(i)
          .append(",,,T0006,2026/02/03 09:15:00 -0800,2026/02/03 09:15:00 -0800,CR,")
          .append(gross)
          .append(",USD,DR,")
          .append(fee)
          .append(",USD,cust-")
          .append(i % 997)
          .append(",,\n");
      expected.record(RecordKind.PSP_TXN, "USD", gross);
      file.rowDone();
    }
    String totals = ",USD," + grossCredit + ",0,0," + feeDebit + ",CR,0,,,,,,,,,\n";
    out.append("SF")
        .append(totals)
        .append("SC,")
        .append(rows)
        .append(",,,,,,,,,,,,,,,\nRF")
        .append(totals)
        .append("RC,")
        .append(rows)
        .append(",,,,,,,,,,,,,,,\nFF,")
        .append(rows)
        .append(",,,,,,,,,,,,,,,\n");
  }

  /** One section of settled USD payments received (T0006); footers carry counts. */
  static void paypalTransactionDetail(FileText file, int rows, ExpectedOutcome expected) {
    StringBuilder out = file.text();
    out.append("RH,2026/02/04 01:00:00 -0800,A,ACCT42,8\r\n")
        .append("FH,1\r\n")
        .append("SH,2026/02/03 00:00:00 -0800,2026/02/03 23:59:59 -0800,ACCT42\r\n")
        .append(PAYPAL_COLUMNS)
        .append(
            ",Transactional Status,Insurance Amount,Sales Tax Amount,Shipping Amount,"
                + "Transaction Subject,Transaction Note,Payer's Account ID,Custom Field,"
                + "Payment Source\r\n");
    for (int i = 1; i <= rows; i++) {
      long gross = amountMinor(i);
      long fee = 30 + gross * 29 / 1000;
      out.append("SB,TR")
          .append(i)
          .append("USD,INV-")
          .append(i)
          .append(",,,T0006,2026/02/03 09:15:00 -0800,2026/02/03 09:15:00 -0800,CR,")
          .append(gross)
          .append(",USD,DR,")
          .append(fee)
          .append(",USD,S,,,,")
          .append(description(i))
          .append(",,buyer")
          .append(i % 997)
          .append("@example.com,,PayPal\r\n");
      expected.record(RecordKind.PSP_TXN, "USD", gross);
      file.rowDone();
    }
    out.append("SF,")
        .append(rows)
        .append("\r\nSC,")
        .append(rows)
        .append("\r\nRF,")
        .append(rows)
        .append("\r\nRC,")
        .append(rows)
        .append("\r\nFF,")
        .append(rows)
        .append("\r\n");
  }
}
