package dev.recon.matching.calendar;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Which days money moves: not on weekend days, not on the listed holidays. */
public final class BusinessCalendar implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A settlement delay beyond this many business days is a configuration mistake. */
  public static final int MAX_BUSINESS_DAYS = 60;

  /** Holidays one calendar lists; a few per year over a few decades stays far below. */
  public static final int MAX_HOLIDAYS = 2_000;

  private final EnumSet<DayOfWeek> weekend;
  private final TreeSet<LocalDate> holidays;

  public BusinessCalendar(Set<DayOfWeek> weekend, Set<LocalDate> holidays) {
    Objects.requireNonNull(weekend, "weekend");
    Objects.requireNonNull(holidays, "holidays");
    if (weekend.size() >= DayOfWeek.values().length) {
      throw new IllegalArgumentException("a calendar needs at least one business day per week");
    }
    if (holidays.size() > MAX_HOLIDAYS) {
      throw new IllegalArgumentException(
          "more than " + MAX_HOLIDAYS + " holidays in one calendar: " + holidays.size());
    }
    this.weekend = weekend.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(weekend);
    this.holidays = new TreeSet<>(holidays);
  }

  /** Saturday and Sunday off, and the given holidays. */
  public static BusinessCalendar weekendsAnd(Set<LocalDate> holidays) {
    return new BusinessCalendar(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), holidays);
  }

  public boolean isBusinessDay(LocalDate day) {
    return !weekend.contains(day.getDayOfWeek()) && !holidays.contains(day);
  }

  /**
   * T+n: the n-th business day after {@code day}; for n = 0 the day itself, or the next business
   * day when it is none.
   */
  public LocalDate plusBusinessDays(LocalDate day, int n) {
    if (n < 0 || n > MAX_BUSINESS_DAYS) {
      throw new IllegalArgumentException(
          "business days outside 0.." + MAX_BUSINESS_DAYS + ": " + n);
    }
    LocalDate d = day;
    while (!isBusinessDay(d)) {
      d = d.plusDays(1);
    }
    for (int left = n; left > 0; ) {
      d = d.plusDays(1);
      if (isBusinessDay(d)) {
        left--;
      }
    }
    return d;
  }

  /**
   * T-n: the n-th business day before {@code day}; for n = 0 the day itself, whether or not it is
   * one (a window opening on the payout date opens on it).
   */
  public LocalDate minusBusinessDays(LocalDate day, int n) {
    if (n < 0 || n > MAX_BUSINESS_DAYS) {
      throw new IllegalArgumentException(
          "business days outside 0.." + MAX_BUSINESS_DAYS + ": " + n);
    }
    LocalDate d = day;
    for (int left = n; left > 0; ) {
      d = d.minusDays(1);
      if (isBusinessDay(d)) {
        left--;
      }
    }
    return d;
  }

  /** Business days after {@code from} up to and including {@code to}; 0 when to is not later. */
  public long businessDaysAfter(LocalDate from, LocalDate to) {
    long count = 0;
    for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
      if (isBusinessDay(d)) {
        count++;
      }
    }
    return count;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BusinessCalendar other
        && weekend.equals(other.weekend)
        && holidays.equals(other.holidays);
  }

  @Override
  public int hashCode() {
    return Objects.hash(weekend, holidays);
  }

  @Override
  public String toString() {
    return "BusinessCalendar[weekend=" + weekend + ", holidays=" + holidays.size() + "]";
  }
}
