package dev.recon.normalization.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FormatTest {

  @ParameterizedTest
  @CsvSource({
    "expected-csv, EXPECTED_PAYMENTS_CSV",
    "EXPECTED_PAYMENTS_CSV, EXPECTED_PAYMENTS_CSV",
    "' Expected ', EXPECTED_PAYMENTS_CSV",
    "adyen-settlement-detail, ADYEN_SETTLEMENT_DETAIL",
    "adyen, ADYEN_SETTLEMENT_DETAIL",
    "camt053, CAMT_053",
    "camt.053, CAMT_053",
    "CAMT_053, CAMT_053",
    "stripe-itemized, STRIPE_ITEMIZED",
    "stripe, STRIPE_ITEMIZED",
    "payout_reconciliation.itemized, STRIPE_ITEMIZED",
    "balance_change_from_activity.itemized, STRIPE_ITEMIZED",
    "mt940, MT940",
    "swift-mt940, MT940",
    "bai2, BAI2",
    "BAI, BAI2",
    "paypal-stl, PAYPAL_STL",
    "PayPal, PAYPAL_STL"
  })
  void resolvesCliNamesAliasesAndEnumNames(String name, Format expected) {
    assertThat(Format.fromName(name)).contains(expected);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"mt942", "csv", "camt054"})
  void unknownNamesAreEmpty(String name) {
    assertThat(Format.fromName(name)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "expected-csv",
        "adyen-settlement-detail",
        "camt053",
        "stripe-itemized",
        "mt940",
        "bai2"
      })
  void cliNamesRoundTrip(String name) {
    assertThat(Format.fromName(name).map(Format::cliName)).contains(name);
    assertThat(Format.cliNames()).contains(name);
  }
}
