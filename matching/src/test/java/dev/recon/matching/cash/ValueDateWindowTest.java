package dev.recon.matching.cash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.matching.calendar.PayoutCalendars;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ValueDateWindowTest {

  private static final PayoutCalendars CALENDARS = PayoutCalendars.defaults();

  private static final LocalDate FRIDAY = LocalDate.parse("2026-03-13");

  /** The Thursday before Easter 2026: Good Friday and Easter Monday are TARGET2 holidays. */
  private static final LocalDate MAUNDY_THURSDAY = LocalDate.parse("2026-04-02");

  private static boolean contains(ValueDateWindow w, LocalDate payout, String value, String ccy) {
    return w.contains(payout, LocalDate.parse(value), ccy, CALENDARS);
  }

  @Test
  void one_business_day_after_a_friday_is_the_monday_across_the_weekend() {
    ValueDateWindow window = ValueDateWindow.businessDays(1, 1, null);

    assertThat(contains(window, FRIDAY, "2026-03-16", "EUR")).isTrue();
    assertThat(contains(window, FRIDAY, "2026-03-17", "EUR")).isFalse();
    assertThat(contains(window, FRIDAY, "2026-03-12", "EUR")).isTrue();
    assertThat(contains(window, FRIDAY, "2026-03-11", "EUR")).isFalse();
    // Calendar days would stop on the Saturday.
    ValueDateWindow calendarDays = new ValueDateWindow(1, 1, false, null);
    assertThat(contains(calendarDays, FRIDAY, "2026-03-16", "EUR")).isFalse();
  }

  @Test
  void a_window_before_a_monday_reaches_back_over_the_weekend_to_friday() {
    ValueDateWindow window = ValueDateWindow.businessDays(1, 0, null);

    assertThat(contains(window, FRIDAY.plusDays(3), "2026-03-13", "EUR")).isTrue();
    assertThat(contains(window, FRIDAY.plusDays(3), "2026-03-12", "EUR")).isFalse();
  }

  @Test
  void holidays_of_the_window_calendar_are_skipped_and_other_calendars_do_not_have_them() {
    ValueDateWindow eur = ValueDateWindow.businessDays(0, 2, "EUR");
    ValueDateWindow usd = ValueDateWindow.businessDays(0, 2, "USD");

    // Good Friday, the weekend and Easter Monday are skipped: T+2 is Wednesday 8 April.
    assertThat(contains(eur, MAUNDY_THURSDAY, "2026-04-08", "USD")).isTrue();
    assertThat(contains(eur, MAUNDY_THURSDAY, "2026-04-09", "USD")).isFalse();
    // Without TARGET2 holidays T+2 is Monday 6 April.
    assertThat(contains(usd, MAUNDY_THURSDAY, "2026-04-06", "EUR")).isTrue();
    assertThat(contains(usd, MAUNDY_THURSDAY, "2026-04-07", "EUR")).isFalse();
    // No calendar named: the payout's currency decides.
    ValueDateWindow own = ValueDateWindow.businessDays(0, 2, null);
    assertThat(contains(own, MAUNDY_THURSDAY, "2026-04-08", "EUR")).isTrue();
    assertThat(contains(own, MAUNDY_THURSDAY, "2026-04-08", "USD")).isFalse();
  }

  @Test
  void the_default_is_todays_calendar_day_window() {
    assertThat(contains(ValueDateWindow.DEFAULT, FRIDAY, "2026-03-12", "EUR")).isTrue();
    assertThat(contains(ValueDateWindow.DEFAULT, FRIDAY, "2026-03-11", "EUR")).isFalse();
    assertThat(contains(ValueDateWindow.DEFAULT, FRIDAY, "2026-03-18", "EUR")).isTrue();
    assertThat(contains(ValueDateWindow.DEFAULT, FRIDAY, "2026-03-19", "EUR")).isFalse();
  }

  @Test
  void windows_beyond_the_limit_or_with_a_bad_calendar_are_refused() {
    assertThatThrownBy(() -> ValueDateWindow.businessDays(0, ValueDateWindow.MAX_DAYS + 1, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ValueDateWindow.businessDays(-1, 0, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ValueDateWindow.businessDays(0, 0, "eur"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
