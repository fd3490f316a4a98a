package dev.recon.generator;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Stripe's itemized reports as the Reporting API delivers them: payout_reconciliation.itemized (one
 * row per balance transaction, each with its automatic payout) and payouts.itemized (one row per
 * payout). Decimal major units, lower-case currencies, UTC times; the order reference travels in
 * payment_metadata[order_id].
 */
final class StripeReports {
  static final List<String> RECONCILIATION_HEADER =
      List.of(
          "balance_transaction_id",
          "created_utc",
          "available_on_utc",
          "currency",
          "gross",
          "fee",
          "net",
          "reporting_category",
          "source_id",
          "charge_id",
          "payment_intent_id",
          "description",
          "payment_metadata[order_id]",
          "automatic_payout_id",
          "automatic_payout_effective_at_utc");

  static final List<String> PAYOUTS_HEADER =
      List.of(
          "payout_id",
          "effective_at_utc",
          "currency",
          "gross",
          "fee",
          "net",
          "reporting_category",
          "balance_transaction_id",
          "description",
          "payout_expected_arrival_date",
          "payout_status");

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private StripeReports() {}

  static String reconciliation(List<PspRow> rows) {
    StringBuilder out = new StringBuilder(rows.size() * 260 + 400);
    CsvText.row(out, RECONCILIATION_HEADER);
    for (PspRow r : rows) {
      LocalDateTime created = LocalDateTime.ofInstant(r.at(), ZoneOffset.UTC);
      LocalDate available =
          created.toLocalDate().plusDays(SettlementCycle.STRIPE_AVAILABLE_AFTER_DAYS);
      CsvText.row(
          out,
          List.of(
              r.balanceTransaction(),
              TIME.format(created),
              TIME.format(available.atStartOfDay()),
              r.currency().toLowerCase(Locale.ROOT),
              MajorUnits.of(r.grossMinor()),
              MajorUnits.of(r.feeMinor()),
              MajorUnits.of(r.netMinor()),
              r.typeText(),
              r.ownReference(),
              r.pspReference(),
              r.paymentIntent(),
              description(r),
              r.merchantReference(),
              r.batch(),
              TIME.format(available.atStartOfDay())));
    }
    return out.toString();
  }

  static String payouts(List<PspRow> payouts) {
    StringBuilder out = new StringBuilder(payouts.size() * 160 + 200);
    CsvText.row(out, PAYOUTS_HEADER);
    for (PspRow p : payouts) {
      LocalDateTime effective = LocalDateTime.ofInstant(p.at(), ZoneOffset.UTC);
      CsvText.row(
          out,
          List.of(
              p.id(),
              TIME.format(effective),
              p.currency().toLowerCase(Locale.ROOT),
              MajorUnits.of(p.grossMinor()),
              "0.00",
              MajorUnits.of(p.grossMinor()),
              "payout",
              p.balanceTransaction(),
              "STRIPE PAYOUT",
              effective.toLocalDate().toString(),
              "paid"));
    }
    return out.toString();
  }

  private static String description(PspRow r) {
    return switch (r.type()) {
      case CAPTURE -> "Payment for order " + r.merchantReference();
      case REFUND -> "Refund for order " + r.merchantReference();
      case CHARGEBACK -> "Chargeback withdrawal for " + r.pspReference();
      case CHARGEBACK_REVERSAL -> "Chargeback reversal for " + r.pspReference();
      default -> "";
    };
  }
}
