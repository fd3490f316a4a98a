package dev.recon.normalization.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MinorUnitsTest {

  private static long minor(String text, String currency) {
    AmountParse parsed = MinorUnits.parse(text, currency);
    assertThat(parsed).isInstanceOf(AmountParse.Parsed.class);
    return ((AmountParse.Parsed) parsed).minor();
  }

  private static String invalid(String text, String currency, Grouping grouping) {
    AmountParse parsed = MinorUnits.parse(text, currency, grouping);
    assertThat(parsed).isInstanceOf(AmountParse.Invalid.class);
    return ((AmountParse.Invalid) parsed).reason();
  }

  private static String invalid(String text, String currency) {
    return invalid(text, currency, Grouping.NONE);
  }

  @ParameterizedTest
  @CsvSource({
    "25, EUR, 2500",
    "25.00, EUR, 2500",
    "25.5, EUR, 2550",
    ".91, USD, 91",
    "0.06, USD, 6",
    "-12.50, EUR, -1250",
    "+3, USD, 300",
    "25., EUR, 2500",
    "' 7.10 ', EUR, 710",
    "3158, JPY, 3158",
    "3158.00, JPY, 3158",
    "1.234, KWD, 1234",
    "12.345, KWD, 12345",
    "0.001, BHD, 1",
    "25.000, EUR, 2500",
    "0, EUR, 0",
    "-0.00, EUR, 0"
  })
  void parsesMajorUnitsExactlyWithTheIso4217Exponent(String text, String currency, long expected) {
    assertThat(minor(text, currency)).isEqualTo(expected);
  }

  @Test
  void exponentsComeFromIso4217() {
    assertThat(MinorUnits.exponent("JPY")).contains(0);
    assertThat(MinorUnits.exponent("EUR")).contains(2);
    assertThat(MinorUnits.exponent("KWD")).contains(3);
    assertThat(MinorUnits.exponent("XAU")).isEmpty();
    assertThat(MinorUnits.exponent("eur")).isEmpty();
    assertThat(MinorUnits.exponent(null)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"1.005, EUR, 2", "3158.5, JPY, 0", "1.2345, KWD, 3", "0.001, USD, 2"})
  void tooManyDecimalsIsAnErrorNotARounding(String text, String currency, int exponent) {
    assertThat(invalid(text, currency))
        .contains("more than " + exponent + " decimal(s) for " + currency)
        .contains(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"XYZ", "eur", "EURO", "E1", "XAU", "XXX"})
  void unknownOrMinorlessCurrencyIsAnError(String currency) {
    assertThat(invalid("1.00", currency)).startsWith("unknown currency code");
  }

  @Test
  void nullCurrencyIsAnError() {
    assertThat(invalid("1.00", null)).isEqualTo("unknown currency code: (none)");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void emptyAmountIsAnError(String text) {
    assertThat(invalid(text, "EUR")).isEqualTo("empty amount");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"1e3", "12 .5", "1.2.3", "abc", "--1", "1,50", "1.234,56", "(12.00)", "."})
  void notADecimalIsAnError(String text) {
    assertThat(invalid(text, "EUR")).startsWith("not a decimal amount");
  }

  @Test
  void thousandsSeparatorsOnlyWhenTheFormatGroupsDigits() {
    assertThat(invalid("1,234.56", "USD")).startsWith("not a decimal amount");
    AmountParse grouped = MinorUnits.parse("1,234.56", "USD", Grouping.COMMA_THOUSANDS);
    assertThat(grouped).isEqualTo(new AmountParse.Parsed(123456));
    assertThat(MinorUnits.parse("-12,345,678.9", "USD", Grouping.COMMA_THOUSANDS))
        .isEqualTo(new AmountParse.Parsed(-1234567890));
    assertThat(MinorUnits.parse("1234.56", "USD", Grouping.COMMA_THOUSANDS))
        .isEqualTo(new AmountParse.Parsed(123456));
    assertThat(invalid("1,23.4", "USD", Grouping.COMMA_THOUSANDS)).startsWith("not a decimal");
    assertThat(invalid("1,2345", "USD", Grouping.COMMA_THOUSANDS)).startsWith("not a decimal");
  }

  @Test
  void amountsBeyondTheLimitAreErrors() {
    assertThat(minor("1000000000000000.00", "EUR")).isEqualTo(MinorUnits.MAX_ABS_MINOR);
    assertThat(minor("-1000000000000000.00", "EUR")).isEqualTo(-MinorUnits.MAX_ABS_MINOR);
    assertThat(invalid("1000000000000000.01", "EUR")).startsWith("amount out of range");
    assertThat(invalid("99999999999999999999", "JPY")).startsWith("amount out of range");
    assertThat(invalid("1".repeat(MinorUnits.MAX_AMOUNT_CHARS + 1), "JPY"))
        .isEqualTo("amount longer than " + MinorUnits.MAX_AMOUNT_CHARS + " characters");
  }

  @Test
  void formatsMinorUnitsExactly() {
    assertThat(MinorUnits.format(-2700, "EUR")).isEqualTo("-27.00");
    assertThat(MinorUnits.format(3158, "JPY")).isEqualTo("3158");
    assertThat(MinorUnits.format(1250, "KWD")).isEqualTo("1.250");
    assertThat(MinorUnits.format(5, "USD")).isEqualTo("0.05");
    assertThatThrownBy(() -> MinorUnits.format(1, "XYZ"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"EUR", "JPY", "KWD", "USD", "CLP", "BHD"})
  void formatAndParseRoundTrip(String currency) {
    for (long v : new long[] {0, 1, -1, 7, 99, 100, 101, 123456789, -987654321}) {
      assertThat(minor(MinorUnits.format(v, currency), currency)).isEqualTo(v);
    }
  }

  @Test
  void sumReportsOverflowInsteadOfWrapping() {
    MinorSum sum = new MinorSum().add(Long.MAX_VALUE - 1).add(1);
    assertThat(sum.value()).hasValue(Long.MAX_VALUE);
    assertThat(sum.add(1).value()).isEmpty();
    assertThat(sum.add(-5).value()).as("stays overflowed").isEmpty();
    assertThat(new MinorSum().add(-3).add(5).value()).hasValue(2);
  }

  @Test
  void invalidNeedsAReason() {
    assertThatThrownBy(() -> new AmountParse.Invalid(" "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
