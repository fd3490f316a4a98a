package dev.recon.generator;

import dev.recon.schemas.PaymentEventType;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Adyen's "Settlement details report" (the 34-column variant): unsigned Debit/Credit pairs in major
 * units, blended pricing (the whole fee in Commission), local time with a TimeZone column, and one
 * MerchantPayout row per batch and currency whose Modification Reference is what the bank shows.
 */
final class AdyenSettlementReport {
  static final List<String> HEADER =
      List.of(
          "Company Account",
          "Merchant Account",
          "Psp Reference",
          "Merchant Reference",
          "Payment Method",
          "Creation Date",
          "TimeZone",
          "Type",
          "Modification Reference",
          "Gross Currency",
          "Gross Debit (GC)",
          "Gross Credit (GC)",
          "Exchange Rate",
          "Net Currency",
          "Net Debit (NC)",
          "Net Credit (NC)",
          "Commission (NC)",
          "Markup (NC)",
          "Scheme Fees (NC)",
          "Interchange (NC)",
          "Payment Method Variant",
          "Modification Merchant Reference",
          "Batch Number",
          "Reserved4",
          "Reserved5",
          "Reserved6",
          "Reserved7",
          "Reserved8",
          "Reserved9",
          "Reserved10",
          "Booking Date",
          "Booking Date TimeZone",
          "Metadata",
          "Merchant Order Reference");

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final String ZONE = "CET";

  private AdyenSettlementReport() {}

  static String render(String companyAccount, String merchantAccount, List<PspRow> rows) {
    StringBuilder out = new StringBuilder(rows.size() * 220 + 600);
    CsvText.row(out, HEADER);
    for (PspRow r : rows) {
      boolean payout = r.type() == PaymentEventType.PAYOUT;
      boolean cost = r.type() == PaymentEventType.FEE;
      boolean transaction = !payout && !cost;
      LocalDateTime local = LocalDateTime.ofInstant(r.at(), SettlementCycle.CET);
      long net = r.netMinor();
      List<String> f = new ArrayList<>(HEADER.size());
      f.add(companyAccount);
      f.add(merchantAccount);
      f.add(transaction ? r.pspReference() : "");
      f.add(r.merchantReference());
      f.add(transaction ? "visa" : "");
      f.add(TIME.format(local));
      f.add(ZONE);
      f.add(r.typeText());
      f.add(payout ? r.bankReference() : r.ownReference());
      f.add(transaction ? r.currency() : "");
      f.add(transaction && r.grossMinor() < 0 ? MajorUnits.of(-r.grossMinor()) : "");
      f.add(transaction && r.grossMinor() > 0 ? MajorUnits.of(r.grossMinor()) : "");
      f.add(transaction ? "1" : "");
      f.add(r.currency());
      if (payout) {
        // The payout leaves the Adyen balance: a debit when Adyen pays the tenant.
        f.add(r.grossMinor() > 0 ? MajorUnits.of(r.grossMinor()) : "");
        f.add(r.grossMinor() < 0 ? MajorUnits.of(-r.grossMinor()) : "");
      } else {
        f.add(net < 0 ? MajorUnits.of(-net) : "");
        f.add(net > 0 ? MajorUnits.of(net) : "");
      }
      f.add(r.feeMinor() != 0 ? MajorUnits.of(r.feeMinor()) : "");
      f.add("");
      f.add("");
      f.add("");
      f.add(transaction ? "visacredit" : "");
      f.add("");
      f.add(r.batch());
      for (int i = 4; i <= 10; i++) {
        f.add("");
      }
      f.add(TIME.format(local.plusDays(1)));
      f.add(ZONE);
      f.add("");
      f.add("");
      CsvText.row(out, f);
    }
    return out.toString();
  }
}
