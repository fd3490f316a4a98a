package dev.recon.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatchRateTest {

  @ParameterizedTest
  @CsvSource({
    "0, 1, 0, 0.00",
    "1, 1, 10000, 100.00",
    "1, 3, 3333, 33.33",
    "2, 3, 6666, 66.66",
    "1, 8, 1250, 12.50",
    "9999, 10000, 9999, 99.99",
    "199999, 200000, 9999, 99.99",
    "1, 20000, 0, 0.00",
    "7, 700, 100, 1.00",
  })
  void roundsBasisPointsDown(long matched, long considered, long basisPoints, String percent) {
    MatchRate rate = new MatchRate(matched, considered);

    assertThat(rate.basisPoints()).hasValue(basisPoints);
    assertThat(rate.percent()).hasValue(percent);
    assertThat(rate.unmatched()).isEqualTo(considered - matched);
  }

  @Test
  void hasNoRateWhenNothingWasConsidered() {
    MatchRate rate = new MatchRate(0, 0);

    assertThat(rate.basisPoints()).isEmpty();
    assertThat(rate.percent()).isEmpty();
  }

  @Test
  void refusesImpossibleCounts() {
    assertThatThrownBy(() -> new MatchRate(2, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MatchRate(-1, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
