package dev.recon.normalization.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The BigDecimal-free path must agree with exact decimal arithmetic on every input. */
class MinorUnitsFastPathTest {
  private static final Pattern PLAIN = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
  private static final String ALPHABET = "0123456789.-+,9000";

  /** Exact reference: the amount in minor units, or null when it is not one. */
  private static Long reference(String text, int exponent) {
    String t = text.strip();
    if (!PLAIN.matcher(t).matches()) {
      return null;
    }
    BigDecimal minor = new BigDecimal(t).movePointRight(exponent);
    if (minor.stripTrailingZeros().scale() > 0
        || minor.abs().compareTo(BigDecimal.valueOf(MinorUnits.MAX_ABS_MINOR)) > 0) {
      return null;
    }
    return minor.longValueExact();
  }

  private static Long parsed(String text, String currency) {
    AmountParse p = MinorUnits.parse(text, currency);
    return p instanceof AmountParse.Parsed ok ? ok.minor() : null;
  }

  @ParameterizedTest
  @CsvSource({
    "JPY, 0", "EUR, 2", "KWD, 3",
  })
  void agreesWithExactArithmeticOnRandomAmounts(String currency, int exponent) {
    Random random = new Random(4);
    for (int i = 0; i < 200_000; i++) {
      StringBuilder text = new StringBuilder();
      int length = 1 + random.nextInt(22);
      for (int k = 0; k < length; k++) {
        text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      String t = text.toString();
      if (t.isBlank() || t.length() > MinorUnits.MAX_AMOUNT_CHARS) {
        continue;
      }
      assertThat(parsed(t, currency)).as(t).isEqualTo(reference(t, exponent));
    }
  }

  @ParameterizedTest
  @CsvSource({
    "1000000000000000, EUR",
    "1000000000000000.00, EUR",
    "-1000000000000000, EUR",
    "100000000000000000, JPY",
    "999999999999999999, JPY",
    "99999999999999.999, KWD",
    "0.0000000000000000001, EUR",
    "00000000000000000000000001, EUR",
    "., EUR",
    "-., EUR",
    ".0, JPY",
    "-0.00, EUR",
    "1.000, EUR",
    "1.005, EUR",
  })
  void agreesAtTheEdges(String text, String currency) {
    int exponent = MinorUnits.exponent(currency).orElseThrow();
    assertThat(parsed(text, currency)).as(text).isEqualTo(reference(text, exponent));
  }

  @Test
  void aRemainderBeyondTheExponentIsStillAnError() {
    assertThat(MinorUnits.parse("10.001", "EUR")).isInstanceOf(AmountParse.Invalid.class);
    assertThat(MinorUnits.parse("5.5", "JPY")).isInstanceOf(AmountParse.Invalid.class);
  }
}
