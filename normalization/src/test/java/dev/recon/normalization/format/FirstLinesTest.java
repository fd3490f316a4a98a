package dev.recon.normalization.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FirstLinesTest {

  @Test
  void remembersTheFirstLineOfEveryIdThroughGrowth() {
    FirstLines lines = new FirstLines();
    int ids = 200_000;
    for (int i = 0; i < ids; i++) {
      assertThat(lines.putIfAbsent("txn_" + i, i + 2)).isEqualTo(FirstLines.NOT_SEEN);
    }
    for (int i = 0; i < ids; i++) {
      assertThat(lines.putIfAbsent("txn_" + i, 0)).isEqualTo(i + 2);
    }
    assertThat(lines.putIfAbsent("txn_" + ids, 7)).isEqualTo(FirstLines.NOT_SEEN);
  }

  @Test
  void idsWithTheSameHashAreStillDifferentIds() {
    FirstLines lines = new FirstLines();
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
    assertThat(lines.putIfAbsent("Aa", 1)).isEqualTo(FirstLines.NOT_SEEN);
    assertThat(lines.putIfAbsent("BB", 2)).isEqualTo(FirstLines.NOT_SEEN);
    assertThat(lines.putIfAbsent("BB", 3)).isEqualTo(2);
    assertThat(lines.putIfAbsent("Aa", 4)).isEqualTo(1);
  }

  @Test
  void theEmptyIdTheNullIdAndLineZeroAreKept() {
    FirstLines lines = new FirstLines();
    assertThat(lines.putIfAbsent(null, 0)).isEqualTo(FirstLines.NOT_SEEN);
    assertThat(lines.putIfAbsent(null, 5)).isEqualTo(0);
    assertThat(lines.putIfAbsent("", 0)).isEqualTo(FirstLines.NOT_SEEN);
    assertThat(lines.putIfAbsent("", 9)).isEqualTo(0);
    assertThat(lines.putIfAbsent("\u00fc\u4e2d", 3)).isEqualTo(FirstLines.NOT_SEEN);
    assertThat(lines.putIfAbsent("\u00fc\u4e2d", 4)).isEqualTo(3);
    assertThat(lines.putIfAbsent("\u00fc\u4e2e", 4)).isEqualTo(FirstLines.NOT_SEEN);
  }
}
