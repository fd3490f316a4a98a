package dev.recon.matching.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

  private final BusinessCalendar euro = BusinessCalendar.weekendsAnd(Holidays.target2(2025, 2026));

  @Test
  void t_plus_n_skips_weekends() {
    // Thursday 2025-09-11 + 2 business days = Monday 2025-09-15.
    assertThat(euro.plusBusinessDays(LocalDate.of(2025, 9, 11), 2))
        .isEqualTo(LocalDate.of(2025, 9, 15));
    // T+0 on a Saturday is the Monday.
    assertThat(euro.plusBusinessDays(LocalDate.of(2025, 9, 13), 0))
        .isEqualTo(LocalDate.of(2025, 9, 15));
  }

  @Test
  void t_plus_n_skips_holidays_of_the_currency() {
    // Tuesday 2025-12-23 + 2: 24th (Wed), then 25th and 26th are TARGET2 holidays, so Monday 29th.
    assertThat(euro.plusBusinessDays(LocalDate.of(2025, 12, 23), 2))
        .isEqualTo(LocalDate.of(2025, 12, 29));
    // Maundy Thursday 2026-04-02 + 1: Good Friday and Easter Monday closed, so Tuesday 7 April.
    assertThat(euro.plusBusinessDays(LocalDate.of(2026, 4, 2), 1))
        .isEqualTo(LocalDate.of(2026, 4, 7));
    BusinessCalendar plain = BusinessCalendar.weekendsAnd(Set.of());
    assertThat(plain.plusBusinessDays(LocalDate.of(2025, 12, 23), 2))
        .isEqualTo(LocalDate.of(2025, 12, 25));
  }

  @Test
  void business_days_after_counts_only_business_days() {
    assertThat(euro.businessDaysAfter(LocalDate.of(2025, 9, 12), LocalDate.of(2025, 9, 14)))
        .isZero();
    assertThat(euro.businessDaysAfter(LocalDate.of(2025, 9, 12), LocalDate.of(2025, 9, 16)))
        .isEqualTo(2);
    assertThat(euro.businessDaysAfter(LocalDate.of(2025, 9, 16), LocalDate.of(2025, 9, 12)))
        .isZero();
  }

  @Test
  void delays_and_holiday_lists_are_bounded() {
    assertThatThrownBy(() -> euro.plusBusinessDays(LocalDate.of(2025, 1, 1), -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                euro.plusBusinessDays(
                    LocalDate.of(2025, 1, 1), BusinessCalendar.MAX_BUSINESS_DAYS + 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BusinessCalendar.weekendsAnd(Holidays.target2(1800, 2200)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void easter_is_computed_for_any_year() {
    assertThat(Holidays.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
    assertThat(Holidays.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
    assertThat(Holidays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
    assertThat(Holidays.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
  }
}
