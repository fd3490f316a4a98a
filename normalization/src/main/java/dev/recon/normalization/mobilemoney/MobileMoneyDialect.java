package dev.recon.normalization.mobilemoney;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recon.normalization.format.Format;
import dev.recon.normalization.json.JsonFields;
import dev.recon.schemas.PaymentEventType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where one mobile-money provider puts status, amount, currency and ids in its status responses and
 * callbacks. The providers share one pattern (string amounts in major units, a status that only on
 * success comes with the provider's transaction id, unsigned callbacks confirmed by an enquiry), so
 * one parser reads them all through a dialect each.
 *
 * @param psp the PSP name records carry
 * @param entryPaths where an entry's fields live below the entry (e.g. "transaction" for Airtel);
 *     "" for the entry itself
 * @param statusPaths candidate members holding the status, first present wins
 * @param statuses the provider's status words (upper-cased) and what they mean
 * @param pspIdPaths the provider's own transaction id, present on success
 * @param merchantIdPaths the id the tenant gave the transaction (MTN externalId, Airtel id)
 * @param defaultCurrency the currency when an entry names none (single-currency providers), or null
 *     when the currency is required
 */
record MobileMoneyDialect(
    Format format,
    String psp,
    List<String> entryPaths,
    List<String> statusPaths,
    Map<String, MobileMoneyOutcome> statuses,
    List<String> amountPaths,
    List<String> currencyPaths,
    List<String> pspIdPaths,
    List<String> merchantIdPaths,
    String defaultCurrency) {

  static final MobileMoneyDialect MTN_MOMO =
      new MobileMoneyDialect(
          Format.MTN_MOMO,
          "mtn-momo",
          List.of(""),
          List.of("status"),
          Map.of(
              "SUCCESSFUL", MobileMoneyOutcome.SUCCESSFUL,
              "PENDING", MobileMoneyOutcome.PENDING,
              "FAILED", MobileMoneyOutcome.FAILED,
              "REJECTED", MobileMoneyOutcome.FAILED,
              "TIMEOUT", MobileMoneyOutcome.FAILED,
              "ONGOING", MobileMoneyOutcome.PENDING),
          List.of("amount"),
          List.of("currency"),
          List.of("financialTransactionId"),
          List.of("externalId"),
          null);

  static final MobileMoneyDialect AIRTEL_MONEY =
      new MobileMoneyDialect(
          Format.AIRTEL_MONEY,
          "airtel-money",
          List.of("transaction", "data.transaction"),
          List.of("status_code", "status"),
          Map.of(
              "TS", MobileMoneyOutcome.SUCCESSFUL,
              "TF", MobileMoneyOutcome.FAILED,
              "TE", MobileMoneyOutcome.FAILED,
              "TIP", MobileMoneyOutcome.PENDING,
              "TA", MobileMoneyOutcome.PENDING,
              "DP", MobileMoneyOutcome.PENDING),
          List.of("amount"),
          List.of("currency"),
          List.of("airtel_money_id"),
          List.of("id"),
          null);

  /** Zamtel Kwacha operates in Zambia only: an entry without a currency is in ZMW. */
  static final MobileMoneyDialect ZAMTEL_KWACHA =
      new MobileMoneyDialect(
          Format.ZAMTEL_KWACHA,
          "zamtel-kwacha",
          List.of("", "transaction", "data"),
          List.of("status", "transactionStatus", "status_code"),
          Map.of(
              "SUCCESSFUL", MobileMoneyOutcome.SUCCESSFUL,
              "SUCCESS", MobileMoneyOutcome.SUCCESSFUL,
              "COMPLETED", MobileMoneyOutcome.SUCCESSFUL,
              "PENDING", MobileMoneyOutcome.PENDING,
              "PROCESSING", MobileMoneyOutcome.PENDING,
              "FAILED", MobileMoneyOutcome.FAILED,
              "REJECTED", MobileMoneyOutcome.FAILED,
              "CANCELLED", MobileMoneyOutcome.FAILED),
          List.of("amount"),
          List.of("currency"),
          List.of("financialTransactionId", "transactionId", "transaction_id", "receiptNumber"),
          List.of("externalId", "thirdPartyReference", "reference"),
          "ZMW");

  /**
   * The node holding an entry's fields: the first of {@link #entryPaths} that is an object. Empty
   * when none is.
   */
  Optional<JsonNode> fields(JsonNode entry) {
    for (String path : entryPaths) {
      JsonNode node = path.isEmpty() ? entry : JsonFields.at(entry, path);
      if (node.isObject() && (!path.isEmpty() || hasAnyStatus(node))) {
        return Optional.of(node);
      }
    }
    return Optional.empty();
  }

  Optional<MobileMoneyOutcome> outcome(String status) {
    return Optional.ofNullable(statuses.get(status.strip().toUpperCase(Locale.ROOT)));
  }

  /**
   * Collections take money from a payer into the tenant's wallet; disbursements (transfers) pay a
   * payee out of it, which is booked like a refund: money leaving what the provider owes.
   */
  static PaymentEventType direction(JsonNode fields) {
    return fields.has("payee") && !fields.has("payer")
        ? PaymentEventType.REFUND
        : PaymentEventType.CAPTURE;
  }

  /** The candidate paths of one field, for error messages. */
  static String describe(List<String> paths) {
    return String.join("|", paths);
  }

  private boolean hasAnyStatus(JsonNode node) {
    return statusPaths.stream().anyMatch(p -> !JsonFields.at(node, p).isMissingNode());
  }
}
