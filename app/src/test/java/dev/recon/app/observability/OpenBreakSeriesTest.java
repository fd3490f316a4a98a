package dev.recon.app.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.app.observability.OpenBreakSeries.TenantReasonCount;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenBreakSeriesTest {

  @Test
  void countsAreSummedOverCurrenciesAndAmountsStayPerCurrency() {
    OpenBreakSeries s =
        OpenBreakSeries.of(
            List.of(
                new OpenBreakFigure("globex", "MISSING_IN_BANK", "EUR", 1, 900),
                new OpenBreakFigure("acme", "MISSING_IN_PSP", "USD", 2, 500),
                new OpenBreakFigure("acme", "MISSING_IN_PSP", "EUR", 3, 1_250)),
            10);

    assertThat(s.counts())
        .containsExactly(
            new TenantReasonCount("acme", "MISSING_IN_PSP", 5),
            new TenantReasonCount("globex", "MISSING_IN_BANK", 1));
    assertThat(s.amounts())
        .extracting(f -> f.tenant() + "/" + f.currency() + "=" + f.amountAtRiskMinor())
        .containsExactly("acme/EUR=1250", "acme/USD=500", "globex/EUR=900");
    assertThat(s.droppedSeries()).isZero();
  }

  @Test
  void aTenantAndReasonOverTheLimitIsLeftOutWholeAndCounted() {
    List<OpenBreakFigure> figures =
        List.of(
            new OpenBreakFigure("acme", "A", "EUR", 1, 1),
            new OpenBreakFigure("acme", "B", "EUR", 1, 1),
            new OpenBreakFigure("acme", "B", "USD", 1, 1),
            new OpenBreakFigure("acme", "C", "EUR", 1, 1));

    OpenBreakSeries s = OpenBreakSeries.of(figures, 2);

    // B's two currencies do not fit beside A: B is left out whole, C still fits
    assertThat(s.counts())
        .containsExactly(
            new TenantReasonCount("acme", "A", 1), new TenantReasonCount("acme", "C", 1));
    assertThat(s.amounts()).hasSize(2);
    assertThat(s.droppedSeries()).isEqualTo(2);
  }

  @Test
  void theLimitIsNeverExceededAndTheSameSeriesAreKeptWhateverTheInputOrder() {
    List<OpenBreakFigure> figures =
        List.of(
            new OpenBreakFigure("t2", "R", "EUR", 1, 1),
            new OpenBreakFigure("t1", "R", "EUR", 1, 1),
            new OpenBreakFigure("t3", "R", "EUR", 1, 1));

    OpenBreakSeries s = OpenBreakSeries.of(figures, 2);

    assertThat(s.amounts()).extracting(OpenBreakFigure::tenant).containsExactly("t1", "t2");
    assertThat(s.droppedSeries()).isEqualTo(1);
    List<OpenBreakFigure> reversed = new ArrayList<>(figures);
    Collections.reverse(reversed);
    assertThat(OpenBreakSeries.of(reversed, 2)).isEqualTo(s);
  }

  @Test
  void refusesAFigureListedTwiceAndANonPositiveLimit() {
    OpenBreakFigure f = new OpenBreakFigure("acme", "A", "EUR", 1, 1);
    assertThatThrownBy(() -> OpenBreakSeries.of(List.of(f, f), 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OpenBreakSeries.of(List.of(f), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OpenBreakFigure("acme", "A", "EUR", 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTenantReadOverItsRowLimitIsCutAtAReasonBoundary() {
    List<OpenBreakFigure> rows =
        List.of(
            new OpenBreakFigure("acme", "A", "EUR", 1, 1),
            new OpenBreakFigure("acme", "B", "EUR", 1, 1),
            new OpenBreakFigure("acme", "B", "USD", 1, 1));

    assertThat(OpenBreakReader.wholeReasons(rows, 3)).isEqualTo(OpenBreakRead.complete(rows));
    // the read stopped inside B: B may be incomplete, so it goes whole, and the read says so
    OpenBreakRead cut = OpenBreakReader.wholeReasons(rows, 2);
    assertThat(cut.figures()).containsExactly(rows.get(0));
    assertThat(cut.truncated()).isTrue();
  }
}
