package dev.recon.normalization.stripe;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Column names of Stripe's itemized reports (payout_reconciliation.itemized,
 * balance_change_from_activity.itemized, payouts.itemized). Users choose the column set and order,
 * so only names are relied on and most columns are optional.
 */
final class StripeColumns {
  static final String BALANCE_TRANSACTION_ID = "balance_transaction_id";
  static final String SOURCE_ID = "source_id";
  static final String CHARGE_ID = "charge_id";
  static final String PAYMENT_INTENT_ID = "payment_intent_id";
  static final String PAYOUT_ID = "payout_id";
  static final String AUTOMATIC_PAYOUT_ID = "automatic_payout_id";
  static final String CREATED_UTC = "created_utc";
  static final String CREATED = "created";
  static final String EFFECTIVE_AT_UTC = "effective_at_utc";
  static final String EFFECTIVE_AT = "effective_at";
  static final String CURRENCY = "currency";
  static final String GROSS = "gross";
  static final String FEE = "fee";
  static final String NET = "net";
  static final String REPORTING_CATEGORY = "reporting_category";
  static final String TRACE_ID = "trace_id";

  static final List<String> REQUIRED = List.of(CURRENCY, GROSS, REPORTING_CATEGORY);

  /** A report must carry at least one of these to give its rows an id. */
  static final List<String> ID_COLUMNS =
      List.of(BALANCE_TRANSACTION_ID, SOURCE_ID, CHARGE_ID, PAYOUT_ID);

  /** The event time, first present wins: UTC variants before the report-time-zone ones. */
  static final List<String> TIME_COLUMNS =
      List.of(CREATED_UTC, CREATED, EFFECTIVE_AT_UTC, EFFECTIVE_AT);

  private static final Set<String> CANONICAL =
      Set.of(
          BALANCE_TRANSACTION_ID,
          SOURCE_ID,
          CHARGE_ID,
          PAYMENT_INTENT_ID,
          PAYOUT_ID,
          AUTOMATIC_PAYOUT_ID,
          CREATED_UTC,
          CREATED,
          EFFECTIVE_AT_UTC,
          EFFECTIVE_AT,
          CURRENCY,
          GROSS,
          FEE,
          NET,
          REPORTING_CATEGORY);

  private StripeColumns() {}

  /**
   * Columns kept as metadata: payment_metadata[...] and the descriptive ones, but not customer or
   * card-holder details, which identify people.
   */
  static boolean isMetadata(String headerName) {
    String k = headerName.strip().toLowerCase(Locale.ROOT);
    if (k.isEmpty() || CANONICAL.contains(k)) {
      return false;
    }
    return !(k.startsWith("customer_")
        || k.startsWith("shipping_")
        || k.startsWith("billing_")
        || k.startsWith("card_")
        || k.contains("email")
        || k.contains("name"));
  }
}
