package dev.recon.app.demo;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes a tenant's expected-payments CSV, Adyen Settlement details report and camt.053 statement
 * for one settlement cycle, with known breaks planted, so that the demo and the end-to-end tests
 * exercise every level and every common reason code on data in the real layouts.
 *
 * <p>Planted breaks: an expected payment the PSP never captured (MISSING_IN_PSP), a capture nobody
 * expected (MISSING_EXPECTED), a capture for a different amount (AMOUNT_MISMATCH), a payout the
 * bank has not credited (MISSING_IN_BANK, when {@code dropOnePayoutFromBank}) and a bank credit no
 * payout explains (UNMATCHED_BANK_LINE).
 */
public final class DemoDataGenerator {
  static final String ADYEN_HEADER =
      "Company Account,Merchant Account,Psp Reference,Merchant Reference,Payment Method,"
          + "Creation Date,TimeZone,Type,Modification Reference,Gross Currency,Gross Debit (GC),"
          + "Gross Credit (GC),Exchange Rate,Net Currency,Net Debit (NC),Net Credit (NC),"
          + "Commission (NC),Markup (NC),Scheme Fees (NC),Interchange (NC),"
          + "Payment Method Variant,Modification Merchant Reference,Batch Number,Reserved4,"
          + "Reserved5,Reserved6,Reserved7,Reserved8,Reserved9,Reserved10,Booking Date,"
          + "Booking Date TimeZone,Metadata,Merchant Order Reference";
  private static final DateTimeFormatter ADYEN_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** The generated files of one tenant. */
  public record TenantFiles(Path expected, Path psp, Path bank, int batchNumber) {}

  /** What to generate. */
  public record Scenario(
      String tenant,
      String merchantAccount,
      long seed,
      LocalDate businessDate,
      int capturesPerCurrency,
      boolean dropOnePayoutFromBank) {}

  private DemoDataGenerator() {}

  public static TenantFiles write(Scenario s, Path dir) throws IOException {
    Files.createDirectories(dir);
    Random random = new Random(s.seed());
    int batch = 1000 + random.nextInt(9000);
    List<String> expected = new ArrayList<>();
    expected.add("expected_id,merchant_reference,psp,amount,currency,expected_at,customer_id");
    List<String> adyen = new ArrayList<>();
    adyen.add(ADYEN_HEADER);
    Map<String, Long> netPerCurrency = new LinkedHashMap<>();
    LocalDateTime t = s.businessDate().atTime(9, 0);
    int n = 0;
    for (String ccy : List.of("EUR", "USD")) {
      for (int i = 0; i < s.capturesPerCurrency(); i++) {
        n++;
        long gross = 500 + random.nextInt(20_000);
        long commission = gross * 12 / 1000;
        long interchange = 10 + random.nextInt(20);
        long net = gross - commission - interchange;
        String ref = s.tenant().toUpperCase(java.util.Locale.ROOT) + "-ORD-" + (10_000 + n);
        String psp = pspRef(random);
        t = t.plusMinutes(7 + random.nextInt(50));
        boolean unexpected = i == 1 && ccy.equals("EUR");
        boolean mismatch = i == 2 && ccy.equals("EUR");
        if (!unexpected) {
          long expectedAmount = mismatch ? gross + 100 : gross;
          expected.add(
              String.join(
                  ",",
                  "exp-" + n,
                  ref,
                  "adyen",
                  major(expectedAmount, ccy),
                  ccy,
                  s.businessDate().toString(),
                  "cust-" + (n % 7)));
        }
        adyen.add(
            adyenRow(
                s,
                psp,
                ref,
                t,
                "Settled",
                psp.replace('A', 'M'),
                ccy,
                0,
                gross,
                ccy,
                0,
                net,
                commission,
                interchange,
                batch));
        netPerCurrency.merge(ccy, net, Long::sum);
      }
    }
    // An order the PSP never captured.
    expected.add(
        String.join(
            ",",
            "exp-missing",
            s.tenant().toUpperCase(java.util.Locale.ROOT) + "-ORD-99999",
            "adyen",
            "42.00",
            "EUR",
            s.businessDate().toString(),
            "cust-x"));
    // A refund and a chargeback with its fee, and a misc cost row, all in EUR.
    t = t.plusHours(1);
    adyen.add(
        adyenRow(
            s,
            pspRef(random),
            "REF-1",
            t,
            "Refunded",
            "RFND" + batch,
            "EUR",
            1500,
            0,
            "EUR",
            1500,
            0,
            0,
            0,
            batch));
    netPerCurrency.merge("EUR", -1500L, Long::sum);
    adyen.add(
        adyenRow(
            s,
            pspRef(random),
            "CB-1",
            t.plusMinutes(3),
            "Chargeback",
            "CHBK" + batch,
            "EUR",
            2500,
            0,
            "EUR",
            3250,
            0,
            750,
            0,
            batch));
    netPerCurrency.merge("EUR", -3250L, Long::sum);
    adyen.add(
        adyenRow(
            s, "", "", t.plusMinutes(9), "MiscCosts", "", "", 0, 0, "EUR", 120, 0, 0, 0, batch));
    netPerCurrency.merge("EUR", -120L, Long::sum);

    LocalDateTime payoutTime = s.businessDate().plusDays(2).atTime(6, 15);
    List<String[]> bankEntries = new ArrayList<>();
    int ccyIndex = 0;
    for (Map.Entry<String, Long> payout : netPerCurrency.entrySet()) {
      String bankRef = "TX" + (40_000_000_000L + random.nextInt(1_000_000_000)) + "XT";
      adyen.add(
          adyenRow(
              s,
              "",
              "",
              payoutTime,
              "MerchantPayout",
              bankRef + " batch " + batch + ", " + s.merchantAccount(),
              "",
              0,
              0,
              payout.getKey(),
              payout.getValue(),
              0,
              0,
              0,
              batch));
      boolean drop = s.dropOnePayoutFromBank() && ccyIndex == 1;
      if (!drop) {
        bankEntries.add(
            new String[] {
              "BNK" + batch + "-" + ccyIndex,
              payout.getKey(),
              major(payout.getValue(), payout.getKey()),
              "CRDT",
              s.businessDate().plusDays(3).toString(),
              "ADYEN N.V. " + bankRef + " batch " + batch
            });
      }
      ccyIndex++;
    }
    bankEntries.add(
        new String[] {
          "BNK" + batch + "-INT",
          "EUR",
          "3.17",
          "CRDT",
          s.businessDate().plusDays(3).toString(),
          "CREDIT INTEREST"
        });

    Path expectedFile = dir.resolve("expected-payments-" + s.businessDate() + ".csv");
    Path pspFile = dir.resolve("settlement_detail_report_batch_" + batch + ".csv");
    Path bankFile = dir.resolve("camt053-" + s.businessDate() + ".xml");
    Files.write(expectedFile, expected, StandardCharsets.UTF_8);
    Files.write(pspFile, adyen, StandardCharsets.UTF_8);
    Files.writeString(bankFile, camt053(s, bankEntries), StandardCharsets.UTF_8);
    return new TenantFiles(expectedFile, pspFile, bankFile, batch);
  }

  private static String pspRef(Random random) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      b.append((char) ('A' + random.nextInt(26)));
    }
    return b.toString();
  }

  @SuppressWarnings("TooManyParameters")
  private static String adyenRow(
      Scenario s,
      String psp,
      String merchantRef,
      LocalDateTime created,
      String type,
      String modificationRef,
      String grossCcy,
      long grossDebit,
      long grossCredit,
      String netCcy,
      long netDebit,
      long netCredit,
      long commission,
      long interchange,
      int batch) {
    String gc = grossCcy.isEmpty() ? "" : grossCcy;
    return String.join(
        ",",
        "DemoCompany",
        s.merchantAccount(),
        psp,
        merchantRef,
        psp.isEmpty() ? "" : "visa",
        ADYEN_TIME.format(created),
        "CET",
        type,
        csvQuote(modificationRef),
        gc,
        grossDebit == 0 ? "" : major(grossDebit, gc),
        grossCredit == 0 ? "" : major(grossCredit, gc),
        gc.isEmpty() ? "" : "1",
        netCcy,
        netDebit == 0 ? "" : major(netDebit, netCcy),
        netCredit == 0 ? "" : major(netCredit, netCcy),
        commission == 0 ? "" : major(commission, netCcy),
        "",
        "",
        interchange == 0 ? "" : major(interchange, netCcy),
        psp.isEmpty() ? "" : "visacredit",
        "",
        Integer.toString(batch),
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        ADYEN_TIME.format(created.plusDays(1)),
        "CET",
        "",
        "");
  }

  private static String csvQuote(String v) {
    return v.contains(",") ? '"' + v.replace("\"", "\"\"") + '"' : v;
  }

  /** Minor units to a major-unit decimal string, exactly. */
  static String major(long minor, String currency) {
    int exponent = Currency.getInstance(currency).getDefaultFractionDigits();
    return BigDecimal.valueOf(minor).movePointLeft(exponent).toPlainString();
  }

  /** One statement per currency account, with opening and closing balances that foot. */
  private static String camt053(Scenario s, List<String[]> entries) {
    StringBuilder x = new StringBuilder();
    LocalDate bookingDay = s.businessDate().plusDays(3);
    x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">\n")
        .append("  <BkToCstmrStmt>\n")
        .append("    <GrpHdr><MsgId>STMT-")
        .append(s.tenant())
        .append('-')
        .append(bookingDay)
        .append("</MsgId><CreDtTm>")
        .append(bookingDay)
        .append("T18:00:00+01:00</CreDtTm></GrpHdr>\n");
    Map<String, String> accounts = new LinkedHashMap<>();
    accounts.put("EUR", "NL91ABNA0417164300");
    accounts.put("USD", "NL02ABNA0123456789");
    for (Map.Entry<String, String> account : accounts.entrySet()) {
      String ccy = account.getKey();
      long opening = 1_000_000L;
      long closing = opening;
      for (String[] e : entries) {
        if (e[1].equals(ccy)) {
          closing += new BigDecimal(e[2]).movePointRight(2).longValueExact();
        }
      }
      x.append("    <Stmt>\n      <Id>")
          .append(s.tenant().toUpperCase(java.util.Locale.ROOT))
          .append('-')
          .append(ccy)
          .append('-')
          .append(bookingDay)
          .append("</Id>\n      <Acct><Id><IBAN>")
          .append(account.getValue())
          .append("</IBAN></Id><Ccy>")
          .append(ccy)
          .append("</Ccy></Acct>\n");
      balance(x, "OPBD", opening, ccy, bookingDay.minusDays(1));
      balance(x, "CLBD", closing, ccy, bookingDay);
      for (String[] e : entries) {
        if (!e[1].equals(ccy)) {
          continue;
        }
        x.append("      <Ntry>\n")
            .append("        <Amt Ccy=\"")
            .append(e[1])
            .append("\">")
            .append(e[2])
            .append("</Amt>\n")
            .append("        <CdtDbtInd>")
            .append(e[3])
            .append("</CdtDbtInd>\n        <Sts><Cd>BOOK</Cd></Sts>\n")
            .append("        <BookgDt><Dt>")
            .append(e[4])
            .append("</Dt></BookgDt>\n        <ValDt><Dt>")
            .append(e[4])
            .append("</Dt></ValDt>\n")
            .append("        <AcctSvcrRef>")
            .append(e[0])
            .append("</AcctSvcrRef>\n")
            .append("        <NtryDtls><TxDtls><RmtInf><Ustrd>")
            .append(e[5])
            .append("</Ustrd></RmtInf></TxDtls></NtryDtls>\n")
            .append("      </Ntry>\n");
      }
      x.append("    </Stmt>\n");
    }
    x.append("  </BkToCstmrStmt>\n</Document>\n");
    return x.toString();
  }

  private static void balance(StringBuilder x, String code, long minor, String ccy, LocalDate day) {
    x.append("      <Bal><Tp><CdOrPrtry><Cd>")
        .append(code)
        .append("</Cd></CdOrPrtry></Tp><Amt Ccy=\"")
        .append(ccy)
        .append("\">")
        .append(major(Math.abs(minor), ccy))
        .append("</Amt><CdtDbtInd>")
        .append(minor >= 0 ? "CRDT" : "DBIT")
        .append("</CdtDbtInd><Dt><Dt>")
        .append(day)
        .append("</Dt></Dt></Bal>\n");
  }
}
