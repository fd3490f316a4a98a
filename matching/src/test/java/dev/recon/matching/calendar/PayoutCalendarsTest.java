package dev.recon.matching.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PayoutCalendarsTest {

  private final PayoutCalendars defaults = PayoutCalendars.defaults();

  @Test
  void defaults_pay_out_adyen_and_stripe_t_plus_2_and_paypal_t_plus_1() {
    LocalDate thursday = LocalDate.of(2025, 9, 11);
    assertThat(defaults.payoutDue("adyen", "EUR", thursday)).isEqualTo(LocalDate.of(2025, 9, 15));
    assertThat(defaults.payoutDue("Stripe", "USD", thursday)).isEqualTo(LocalDate.of(2025, 9, 15));
    assertThat(defaults.payoutDue("paypal", "EUR", thursday)).isEqualTo(LocalDate.of(2025, 9, 12));
    assertThat(defaults.payoutDue("unknown-psp", "EUR", thursday))
        .isEqualTo(defaults.payoutDue("adyen", "EUR", thursday));
    assertThat(defaults.bankDue("adyen", "EUR", LocalDate.of(2025, 9, 12)))
        .isEqualTo(LocalDate.of(2025, 9, 15));
  }

  @Test
  void schedules_and_holidays_are_data() {
    PayoutCalendars custom =
        new PayoutCalendars(
            Map.of("adyen", new PayoutSchedule(5, 0)),
            Map.of("GBP", Set.of(LocalDate.of(2025, 8, 25))));

    // Wednesday 2025-08-20 + 5 business days, skipping the UK bank holiday on Monday 25 August.
    assertThat(custom.payoutDue("adyen", "GBP", LocalDate.of(2025, 8, 20)))
        .isEqualTo(LocalDate.of(2025, 8, 28));
    assertThatThrownBy(() -> new PayoutCalendars(Map.of(), Map.of("gbp", Set.of())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PayoutSchedule(61, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void not_yet_due_through_the_due_date_late_once_a_business_day_passed() {
    LocalDate due = LocalDate.of(2025, 9, 12); // a Friday
    assertThat(defaults.assess("EUR", due, LocalDate.of(2025, 9, 11)).status())
        .isEqualTo(DueStatus.NOT_YET_DUE);
    assertThat(defaults.assess("EUR", due, due).status()).isEqualTo(DueStatus.NOT_YET_DUE);
    assertThat(defaults.assess("EUR", due, LocalDate.of(2025, 9, 14)).status())
        .isEqualTo(DueStatus.NOT_YET_DUE);
    DueAssessment late = defaults.assess("EUR", due, LocalDate.of(2025, 9, 16));
    assertThat(late.status()).isEqualTo(DueStatus.LATE);
    assertThat(late.businessDaysLate()).isEqualTo(2);
    assertThat(late.describe()).isEqualTo("LATE (due 2025-09-12, 2 business days overdue)");
  }
}
