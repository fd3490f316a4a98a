package dev.recon.ledger.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LedgerBenchmarkTest {

  @Test
  void entryIdsAreTheZeroPaddedNumber() {
    for (int i : List.of(0, 7, 10, 99_999, 1_000_000, 25_000_000, Integer.MAX_VALUE)) {
      assertThat(LedgerBenchmark.entryId(i))
          .isEqualTo(String.format(Locale.ROOT, "je-bench-%010d", i));
    }
    assertThatThrownBy(() -> LedgerBenchmark.entryId(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
