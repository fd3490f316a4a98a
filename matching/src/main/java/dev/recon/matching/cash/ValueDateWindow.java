package dev.recon.matching.cash;

import dev.recon.matching.calendar.BusinessCalendar;
import dev.recon.matching.calendar.PayoutCalendars;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Where a bank line's value date may lie around the payout date: {@code daysBefore} before to
 * {@code daysAfter} after, counted in calendar days or in business days of a currency's calendar
 * (weekends and that currency's holidays skipped, so a Friday payout is still on time on Monday).
 *
 * @param calendar the currency whose holidays apply to business days; null: the payout's currency
 */
public record ValueDateWindow(int daysBefore, int daysAfter, boolean businessDays, String calendar)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Today's L4 window: calendar days, one before and five after the payout date. */
  public static final ValueDateWindow DEFAULT =
      new ValueDateWindow(
          CashMatchRule.VALUE_DATE_DAYS_BEFORE, CashMatchRule.VALUE_DATE_DAYS_AFTER, false, null);

  /** A wider window is no value-date evidence any more; it also bounds the calendar walk. */
  public static final int MAX_DAYS = BusinessCalendar.MAX_BUSINESS_DAYS;

  public ValueDateWindow {
    if (daysBefore < 0 || daysBefore > MAX_DAYS || daysAfter < 0 || daysAfter > MAX_DAYS) {
      throw new IllegalArgumentException(
          "window days outside 0.." + MAX_DAYS + ": " + daysBefore + "/" + daysAfter);
    }
    if (calendar != null && !calendar.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException("calendar is not an ISO 4217 code: " + calendar);
    }
  }

  public static ValueDateWindow businessDays(int before, int after, String calendar) {
    return new ValueDateWindow(before, after, true, calendar);
  }

  /** Whether a line valued {@code valueDate} is on time for a payout dated {@code payoutDate}. */
  public boolean contains(
      LocalDate payoutDate, LocalDate valueDate, String currency, PayoutCalendars calendars) {
    Objects.requireNonNull(calendars, "calendars");
    LocalDate first;
    LocalDate last;
    if (businessDays) {
      BusinessCalendar days = calendars.calendarOf(calendar != null ? calendar : currency);
      first = days.minusBusinessDays(payoutDate, daysBefore);
      last = days.plusBusinessDays(payoutDate, daysAfter);
    } else {
      first = payoutDate.minusDays(daysBefore);
      last = payoutDate.plusDays(daysAfter);
    }
    return !valueDate.isBefore(first) && !valueDate.isAfter(last);
  }
}
