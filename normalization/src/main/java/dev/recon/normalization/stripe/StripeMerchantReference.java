package dev.recon.normalization.stripe;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stripe has no merchant-reference field: integrations put the tenant's order id into the payment's
 * metadata under one of a few common keys. The same keys are read from webhook events ({@code
 * metadata.order_id}) and from report columns ({@code payment_metadata[order_id]}), so a capture
 * carries the same reference whichever way it arrived, and L1 can pair it with its order.
 */
final class StripeMerchantReference {

  /** Tried in this order; the first present and non-blank wins. */
  static final List<String> METADATA_KEYS = List.of("order_id", "merchant_reference", "reference");

  private StripeMerchantReference() {}

  /** From a report row's metadata columns, keyed by their header names. */
  static Optional<String> fromReportMetadata(Map<String, String> metadata) {
    for (String key : METADATA_KEYS) {
      String value = metadata.get("payment_metadata[" + key + "]");
      if (value != null && !value.isBlank()) {
        return Optional.of(value.strip());
      }
    }
    return Optional.empty();
  }
}
