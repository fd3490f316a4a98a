package dev.recon.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatermarkTest {

  @Test
  void ordersByTimeThenIdSoTiesOnTimeAreStillOrdered() {
    Instant t = Instant.parse("2024-06-01T00:00:00Z");
    Watermark a = new Watermark(t, "a");
    Watermark b = new Watermark(t, "b");
    Watermark later = new Watermark(t.plusNanos(1_000), "0");
    List<Watermark> list = new ArrayList<>(List.of(later, b, a, Watermark.ORIGIN));
    list.sort(null);
    assertThat(list).containsExactly(Watermark.ORIGIN, a, b, later);
    assertThat(a.compareTo(new Watermark(t, "a"))).isZero();
  }

  @Test
  void originIsBeforeAnyRealRow() {
    assertThat(Watermark.ORIGIN.compareTo(new Watermark(Instant.parse("2000-01-01T00:00:00Z"), "")))
        .isNegative();
  }
}
