package dev.recon.matching.tolerant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AmountToleranceTest {

  @Test
  void exact_allows_only_equal_amounts() {
    assertThat(AmountTolerance.EXACT.allows(10_000, 10_000)).isTrue();
    assertThat(AmountTolerance.EXACT.allows(10_000, 10_001)).isFalse();
  }

  @Test
  void absolute_tolerance_is_inclusive_both_ways() {
    AmountTolerance oneCent = new AmountTolerance(1, 0, RelativeBase.LARGER);
    assertThat(oneCent.allows(10_000, 9_999)).isTrue();
    assertThat(oneCent.allows(10_000, 10_001)).isTrue();
    assertThat(oneCent.allows(10_000, 10_002)).isFalse();
  }

  @Test
  void relative_tolerance_depends_on_its_stated_base_and_rounds_down() {
    // 100 bps = 1%; amounts 10_000 and 10_100 differ by 100.
    assertThat(new AmountTolerance(0, 100, RelativeBase.LARGER).allowanceFor(10_000, 10_100))
        .isEqualTo(101);
    assertThat(new AmountTolerance(0, 100, RelativeBase.SMALLER).allowanceFor(10_000, 10_100))
        .isEqualTo(100);
    assertThat(new AmountTolerance(0, 100, RelativeBase.EXPECTED).allowanceFor(10_000, 10_100))
        .isEqualTo(100);
    assertThat(new AmountTolerance(0, 100, RelativeBase.PSP).allowanceFor(10_000, 10_100))
        .isEqualTo(101);
    // 1% of 10_199 is 101.99: rounded down to 101, so a difference of 102 is out.
    assertThat(new AmountTolerance(0, 100, RelativeBase.PSP).allows(10_097, 10_199)).isFalse();
    assertThat(new AmountTolerance(0, 100, RelativeBase.PSP).allows(10_098, 10_199)).isTrue();
  }

  @Test
  void the_looser_of_absolute_and_relative_applies() {
    AmountTolerance both = new AmountTolerance(5, 10, RelativeBase.LARGER);
    assertThat(both.allowanceFor(100, 100)).isEqualTo(5);
    assertThat(both.allowanceFor(1_000_000, 1_000_000)).isEqualTo(1_000);
  }

  @Test
  void opposite_signs_never_match() {
    assertThat(new AmountTolerance(1_000, 0, RelativeBase.LARGER).allows(100, -100)).isFalse();
    assertThat(new AmountTolerance(1, 0, RelativeBase.LARGER).allows(-100, -101)).isTrue();
  }

  @Test
  void limits_are_enforced() {
    assertThatThrownBy(() -> new AmountTolerance(-1, 0, RelativeBase.LARGER))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new AmountTolerance(0, AmountTolerance.MAX_BASIS_POINTS + 1, RelativeBase.LARGER))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new AmountTolerance(AmountTolerance.MAX_ABSOLUTE_MINOR + 1, 0, RelativeBase.LARGER))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
