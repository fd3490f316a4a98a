package dev.recon.normalization.stripe;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Title Case column names of Stripe's older dashboard "Balance history" export. Its layout changed
 * over the years (later exports add fee-detail columns), so rows bind by name.
 */
final class StripeBalanceHistoryColumns {
  static final String ID = "id";
  static final String TYPE = "Type";
  static final String SOURCE = "Source";
  static final String AMOUNT = "Amount";
  static final String FEE = "Fee";
  static final String NET = "Net";
  static final String CURRENCY = "Currency";
  static final String CREATED = "Created (UTC)";
  static final String AVAILABLE_ON = "Available On (UTC)";
  static final String DESCRIPTION = "Description";

  /** The payout (po_...) or, in older accounts, the transfer (tr_...) the row was paid out in. */
  static final String TRANSFER = "Transfer";

  static final String TRANSFER_DATE = "Transfer Date (UTC)";

  static final List<String> REQUIRED = List.of(ID, TYPE, AMOUNT, CURRENCY, CREATED);

  private static final Set<String> CANONICAL =
      Set.of(ID, TYPE, SOURCE, AMOUNT, FEE, NET, CURRENCY, CREATED, DESCRIPTION, TRANSFER).stream()
          .map(c -> c.toLowerCase(Locale.ROOT))
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  private StripeBalanceHistoryColumns() {}

  /** Columns kept as metadata: the rest, except customer-identifying ones. */
  static boolean isMetadata(String headerName) {
    String k = headerName.strip().toLowerCase(Locale.ROOT);
    return !k.isEmpty()
        && !CANONICAL.contains(k)
        && !(k.contains("customer") && !k.contains("facing"))
        && !k.contains("email")
        && !k.contains("name")
        && !k.contains("card");
  }
}
