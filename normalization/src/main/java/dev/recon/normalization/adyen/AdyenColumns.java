package dev.recon.normalization.adyen;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Column names of Adyen's "Settlement details report". Accounts get 34, 49 or 50+ columns in
 * varying order, so only names are relied on.
 */
final class AdyenColumns {
  static final String PSP_REFERENCE = "Psp Reference";
  static final String MERCHANT_REFERENCE = "Merchant Reference";
  static final String CREATION_DATE = "Creation Date";
  static final String TIME_ZONE = "TimeZone";
  static final String TYPE = "Type";
  static final String MODIFICATION_REFERENCE = "Modification Reference";
  static final String GROSS_CURRENCY = "Gross Currency";
  static final String GROSS_DEBIT = "Gross Debit (GC)";
  static final String GROSS_CREDIT = "Gross Credit (GC)";
  static final String EXCHANGE_RATE = "Exchange Rate";
  static final String NET_CURRENCY = "Net Currency";
  static final String NET_DEBIT = "Net Debit (NC)";
  static final String NET_CREDIT = "Net Credit (NC)";
  static final String COMMISSION = "Commission (NC)";
  static final String MARKUP = "Markup (NC)";
  static final String SCHEME_FEES = "Scheme Fees (NC)";
  static final String INTERCHANGE = "Interchange (NC)";
  static final String BATCH_NUMBER = "Batch Number";

  /** Fee components in net currency; which are filled depends on the pricing model. */
  static final List<String> FEES = List.of(COMMISSION, MARKUP, SCHEME_FEES, INTERCHANGE);

  static final List<String> REQUIRED =
      List.of(
          PSP_REFERENCE,
          MERCHANT_REFERENCE,
          CREATION_DATE,
          TIME_ZONE,
          TYPE,
          MODIFICATION_REFERENCE,
          GROSS_CURRENCY,
          GROSS_DEBIT,
          GROSS_CREDIT,
          NET_CURRENCY,
          NET_DEBIT,
          NET_CREDIT,
          BATCH_NUMBER);

  /** Columns that become canonical fields; every other non-empty column is kept as metadata. */
  private static final Set<String> CANONICAL =
      List.of(
              PSP_REFERENCE,
              MERCHANT_REFERENCE,
              CREATION_DATE,
              TIME_ZONE,
              GROSS_CURRENCY,
              GROSS_DEBIT,
              GROSS_CREDIT,
              EXCHANGE_RATE,
              NET_CURRENCY,
              NET_DEBIT,
              NET_CREDIT,
              COMMISSION,
              MARKUP,
              SCHEME_FEES,
              INTERCHANGE,
              BATCH_NUMBER)
          .stream()
          .map(AdyenColumns::key)
          .collect(Collectors.toUnmodifiableSet());

  private AdyenColumns() {}

  static boolean isMetadata(String headerName) {
    String k = key(headerName);
    return !CANONICAL.contains(k) && !k.startsWith("reserved") && !k.isEmpty();
  }

  private static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }
}
