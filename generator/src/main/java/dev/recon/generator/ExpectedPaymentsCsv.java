package dev.recon.generator;

import java.util.List;

/** The tenant's expected-payments CSV, in the layout of the file contract. */
final class ExpectedPaymentsCsv {
  static final List<String> HEADER =
      List.of(
          "expected_id",
          "merchant_reference",
          "psp",
          "amount",
          "currency",
          "expected_at",
          "customer_id",
          "description");

  private ExpectedPaymentsCsv() {}

  static String render(List<ExpectedRow> rows) {
    StringBuilder out = new StringBuilder(rows.size() * 90 + 100);
    CsvText.row(out, HEADER);
    for (ExpectedRow e : rows) {
      CsvText.row(
          out,
          List.of(
              e.expectedId(),
              e.merchantReference(),
              e.psp(),
              MajorUnits.of(e.amountMinor()),
              e.currency(),
              e.expectedAt().toString(),
              e.customerId(),
              "Order " + e.merchantReference()));
    }
    return out.toString();
  }
}
