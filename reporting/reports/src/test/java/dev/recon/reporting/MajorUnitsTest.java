package dev.recon.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MajorUnitsTest {

  @ParameterizedTest
  @CsvSource({
    "123456, EUR, '1,234.56'",
    "5, EUR, 0.05",
    "-5, EUR, -0.05",
    "0, EUR, 0.00",
    "-123456789, USD, '-1,234,567.89'",
    "100000, EUR, '1,000.00'",
    "1234, JPY, '1,234'",
    "-999, JPY, -999",
    "1234, KWD, 1.234",
    "1234567, KWD, '1,234.567'",
    "1, BHD, 0.001",
    "-9223372036854775808, EUR, '-92,233,720,368,547,758.08'",
    "9223372036854775807, JPY, '9,223,372,036,854,775,807'",
  })
  void showsMinorUnitsInMajorUnitsExactly(long minor, String currency, String expected) {
    assertThat(MajorUnits.format(minor, currency)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"1234, XYZ", "1234, ''", "1234, eur1"})
  void labelsAmountsOfUnknownCurrenciesAsMinorUnits(long minor, String currency) {
    assertThat(MajorUnits.format(minor, currency)).isEqualTo("1,234 (minor units)");
  }

  @ParameterizedTest
  @CsvSource({"EUR, 2", "JPY, 0", "KWD, 3", "CLF, 4"})
  void takesTheExponentFromIso4217(String currency, int exponent) {
    assertThat(MajorUnits.exponentOf(currency)).hasValue(exponent);
  }

  @ParameterizedTest
  @CsvSource({"XAU", "nope"})
  void hasNoExponentForCodesWithoutOne(String currency) {
    assertThat(MajorUnits.exponentOf(currency)).isEmpty();
    assertThat(MajorUnits.exponentOf(null)).isEmpty();
  }
}
