package dev.recon.normalization.bench;

import static dev.recon.normalization.bench.SyntheticFiles.amountMinor;
import static dev.recon.normalization.bench.SyntheticFiles.decimal;

import dev.recon.schemas.RecordKind;

/**
 * The JSON layouts of the parse benchmark, in the file forms these formats have: a Stripe event
 * list (as the events API pages it), an Adyen notification batch, and the mobile-money providers'
 * status arrays (as the status poller stores them). One successful money movement per item.
 */
final class SyntheticJsonFiles {
  private SyntheticJsonFiles() {}

  /** charge.succeeded events with expanded balance transactions. */
  static void stripeWebhook(FileText file, int rows, ExpectedOutcome expected) {
    StringBuilder out = file.text();
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
      expected.record(RecordKind.PSP_TXN, "USD", amount);
      file.rowDone();
    }
    out.append("\n], \"has_more\": false}\n");
  }

  /** Successful CAPTURE notifications. */
  static void adyenWebhook(FileText file, int rows, ExpectedOutcome expected) {
    StringBuilder out = file.text();
    out.append("{\"live\": \"false\", \"notificationItems\": [\n");
    for (int i = 1; i <= rows; i++) {
      long amount = amountMinor(i);
      out.append(i == 1 ? "" : ",\n")
          .append("{\"NotificationRequestItem\": {\"additionalData\": {\"hmacSignature\": ")
          .append("\"c2lnbmF0dXJlLW5vdC1jaGVja2VkLWhlcmU=\"}, \"amount\": {\"currency\": \"EUR\",")
          .append(" \"value\": ")
          .append(amount)
          .append("}, \"eventCode\": \"CAPTURE\", \"eventDate\": \"2026-02-03T10:15:00+01:00\",")
          .append(" \"merchantAccountCode\": \"TenantEU\", \"merchantReference\": \"ORDER-")
          .append(i)
          .append("\", \"paymentMethod\": \"visa\", \"pspReference\": \"CAP")
          .append(8_815_000_000_000_000L + i)
          .append("\", \"success\": \"true\", \"originalReference\": \"PAY")
          .append(8_815_000_000_000_000L + i)
          .append("\"}}");
      expected.record(RecordKind.PSP_TXN, "EUR", amount);
      file.rowDone();
    }
    out.append("\n]}\n");
  }

  /** Successful collections, amounts in major units as strings. */
  static void mtnMomo(FileText file, int rows, ExpectedOutcome expected) {
    StringBuilder out = file.text();
    out.append("[\n");
    for (int i = 1; i <= rows; i++) {
      long amount = amountMinor(i);
      out.append(i == 1 ? "" : ",\n")
          .append("{\"amount\": \"")
          .append(decimal(amount))
          .append("\", \"currency\": \"GHS\", \"financialTransactionId\": \"FT-")
          .append(i)
          .append("\", \"externalId\": \"ORD-")
          .append(i)
          .append("\", \"payer\": {\"partyIdType\": \"MSISDN\", \"partyId\": \"2332")
          .append(10_000_000 + i % 1_000_000)
          .append("\"}, \"payerMessage\": \"order ")
          .append(i)
          .append("\", \"payeeNote\": \"thanks\", \"status\": \"SUCCESSFUL\"}");
      expected.record(RecordKind.PSP_TXN, "GHS", amount);
      file.rowDone();
    }
    out.append("\n]\n");
  }

  /** Successful transaction enquiries in Uganda shillings (no minor unit). */
  static void airtelMoney(FileText file, int rows, ExpectedOutcome expected) {
    StringBuilder out = file.text();
    out.append("[\n");
    for (int i = 1; i <= rows; i++) {
      long amount = amountMinor(i);
      out.append(i == 1 ? "" : ",\n")
          .append("{\"data\": {\"transaction\": {\"id\": \"ORD-A")
          .append(i)
          .append("\", \"message\": \"Paid UGX ")
          .append(amount)
          .append("\", \"status\": \"TS\", \"airtel_money_id\": \"MP260203.1657.A")
          .append(i)
          .append("\", \"amount\": \"")
          .append(amount)
          .append("\", \"currency\": \"UGX\"}}, \"status\": {\"code\": \"200\",")
          .append(" \"message\": \"SUCCESS\", \"success\": true}}");
      expected.record(RecordKind.PSP_TXN, "UGX", amount);
      file.rowDone();
    }
    out.append("\n]\n");
  }

  /** Successful payments in Zambian kwacha, the provider's only currency, so none is named. */
  static void zamtelKwacha(FileText file, int rows, ExpectedOutcome expected) {
    StringBuilder out = file.text();
    out.append("[\n");
    for (int i = 1; i <= rows; i++) {
      long amount = amountMinor(i);
      out.append(i == 1 ? "" : ",\n")
          .append("{\"provider\": \"Zamtel Kwacha\", \"status\": \"SUCCESSFUL\", \"amount\": \"")
          .append(decimal(amount))
          .append("\", \"transactionId\": \"ZT")
          .append(20_260_203_000_000L + i)
          .append("\", \"externalId\": \"INV-")
          .append(i)
          .append("\", \"msisdn\": \"2609")
          .append(70_000_000 + i % 1_000_000)
          .append("\"}");
      expected.record(RecordKind.PSP_TXN, "ZMW", amount);
      file.rowDone();
    }
    out.append("\n]\n");
  }
}
