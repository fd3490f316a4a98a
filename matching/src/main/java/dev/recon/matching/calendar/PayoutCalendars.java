package dev.recon.matching.calendar;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Payout calendars as data: a {@link PayoutSchedule} per PSP and a holiday list per currency, so
 * the expected settlement date of any capture or payout is T+N business days of the currency the
 * money moves in.
 *
 * <p>{@link #defaults()} holds the PSPs' standard schedules (a tenant's contract may differ; then
 * configure it): Adyen pays out captures T+2 business days (standard settlement delay for cards),
 * Stripe T+2 (standard daily automatic payouts in the US and Europe once the account is
 * established), PayPal T+1 (a withdrawal reaches the bank the next business day; the balance is
 * available at once). Payouts reach the bank T+1 for every PSP. Euro holidays are TARGET2's; other
 * currencies only skip weekends until their holidays are configured.
 */
public final class PayoutCalendars implements Serializable {

  private static final long serialVersionUID = 1L;

  /** For a PSP without a schedule of its own. */
  public static final PayoutSchedule FALLBACK_SCHEDULE = new PayoutSchedule(2, 1);

  /** Years the default TARGET2 list covers; dates outside only skip weekends. */
  public static final int DEFAULT_FIRST_YEAR = 2015;

  public static final int DEFAULT_LAST_YEAR = 2040;

  /** PSPs and currencies one configuration lists. */
  public static final int MAX_ENTRIES = 1_000;

  private final TreeMap<String, PayoutSchedule> schedules;
  private final TreeMap<String, BusinessCalendar> calendars;

  public PayoutCalendars(
      Map<String, PayoutSchedule> schedulesByPsp, Map<String, Set<LocalDate>> holidaysByCurrency) {
    Objects.requireNonNull(schedulesByPsp, "schedulesByPsp");
    Objects.requireNonNull(holidaysByCurrency, "holidaysByCurrency");
    if (schedulesByPsp.size() > MAX_ENTRIES || holidaysByCurrency.size() > MAX_ENTRIES) {
      throw new IllegalArgumentException("more than " + MAX_ENTRIES + " PSPs or currencies");
    }
    this.schedules = new TreeMap<>();
    schedulesByPsp.forEach(
        (psp, schedule) ->
            schedules.put(pspKey(psp), Objects.requireNonNull(schedule, "schedule of " + psp)));
    this.calendars = new TreeMap<>();
    holidaysByCurrency.forEach(
        (currency, days) -> {
          if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("not an ISO 4217 code: " + currency);
          }
          calendars.put(currency, BusinessCalendar.weekendsAnd(days));
        });
  }

  public static PayoutCalendars defaults() {
    return new PayoutCalendars(
        Map.of(
            "adyen", new PayoutSchedule(2, 1),
            "stripe", new PayoutSchedule(2, 1),
            "paypal", new PayoutSchedule(1, 1)),
        Map.of("EUR", Holidays.target2(DEFAULT_FIRST_YEAR, DEFAULT_LAST_YEAR)));
  }

  public PayoutSchedule scheduleOf(String psp) {
    return psp == null ? FALLBACK_SCHEDULE : schedules.getOrDefault(pspKey(psp), FALLBACK_SCHEDULE);
  }

  public BusinessCalendar calendarOf(String currency) {
    BusinessCalendar calendar = currency == null ? null : calendars.get(currency);
    return calendar != null ? calendar : BusinessCalendar.weekendsAnd(Set.of());
  }

  /** When the payout for a capture (or batch row) dated {@code day} is due. */
  public LocalDate payoutDue(String psp, String currency, LocalDate day) {
    return calendarOf(currency).plusBusinessDays(day, scheduleOf(psp).settlementDays());
  }

  /** When a payout dated {@code day} is due on the bank statement. */
  public LocalDate bankDue(String psp, String currency, LocalDate day) {
    return calendarOf(currency).plusBusinessDays(day, scheduleOf(psp).bankDays());
  }

  /**
   * Not yet due up to the end of the due date; late once a business day has passed after it (money
   * due on a Friday is not late on the Saturday).
   */
  public DueAssessment assess(String currency, LocalDate due, LocalDate asOf) {
    long late = calendarOf(currency).businessDaysAfter(due, asOf);
    return late == 0
        ? new DueAssessment(due, DueStatus.NOT_YET_DUE, 0)
        : new DueAssessment(due, DueStatus.LATE, late);
  }

  private static String pspKey(String psp) {
    return psp.strip().toLowerCase(Locale.ROOT);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PayoutCalendars other
        && schedules.equals(other.schedules)
        && calendars.equals(other.calendars);
  }

  @Override
  public int hashCode() {
    return Objects.hash(schedules, calendars);
  }
}
