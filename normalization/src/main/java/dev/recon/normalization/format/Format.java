package dev.recon.normalization.format;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The file formats the normalization stage can parse. */
// The alias list is built with List.of, which is unmodifiable.
@SuppressWarnings("ImmutableEnumChecker")
public enum Format {
  EXPECTED_PAYMENTS_CSV("expected-csv", "expected", "expected-payments", "expected-payments-csv"),
  ADYEN_SETTLEMENT_DETAIL(
      "adyen-settlement-detail", "adyen", "adyen-sdr", "adyen-settlement-details"),
  CAMT_053("camt053", "camt.053", "camt-053", "iso20022-camt053"),
  STRIPE_ITEMIZED(
      "stripe-itemized",
      "stripe",
      "stripe-payout-reconciliation",
      "payout_reconciliation.itemized",
      "balance_change_from_activity.itemized",
      "payouts.itemized"),
  MT940("mt940", "swift-mt940", "mt-940", "sta"),
  BAI2("bai2", "bai", "bai-2"),
  PAYPAL_STL("paypal-stl", "paypal", "paypal-settlement", "stl"),
  PAYPAL_TRR("paypal-trr", "trr", "paypal-transaction-detail"),
  STRIPE_WEBHOOK("stripe-webhook", "stripe-event", "stripe-events"),
  STRIPE_BALANCE_HISTORY("stripe-balance-history", "stripe-balance", "balance_history"),
  ADYEN_WEBHOOK("adyen-webhook", "adyen-notification", "adyen-notifications"),
  ADYEN_PAYMENTS_ACCOUNTING(
      "adyen-payments-accounting", "adyen-par", "adyen-payment-accounting", "payments_accounting"),
  MTN_MOMO("mtn-momo", "momo", "mtn", "mtn-mobile-money"),
  AIRTEL_MONEY("airtel-money", "airtel"),
  ZAMTEL_KWACHA("zamtel-kwacha", "zamtel", "zamtel-money");

  private final String cliName;
  private final List<String> aliases;

  Format(String cliName, String... aliases) {
    this.cliName = cliName;
    this.aliases = List.of(aliases);
  }

  /** The name users pass to {@code --format} and that dead letters carry. */
  public String cliName() {
    return cliName;
  }

  /**
   * Resolves a {@code --format} value or a RawRecord format hint: the CLI name, an alias or the
   * enum name, case-insensitively. Empty when nothing matches; the caller reports it.
   */
  public static Optional<Format> fromName(String name) {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(
            f ->
                f.cliName.equals(wanted)
                    || f.aliases.contains(wanted)
                    || f.name().toLowerCase(Locale.ROOT).equals(wanted))
        .findFirst();
  }

  /** The CLI names of all formats, for help texts and error messages. */
  public static List<String> cliNames() {
    return Arrays.stream(values()).map(Format::cliName).toList();
  }
}
