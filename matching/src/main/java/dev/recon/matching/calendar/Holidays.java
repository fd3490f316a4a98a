package dev.recon.matching.calendar;

import java.time.LocalDate;
import java.time.Month;
import java.util.Set;
import java.util.TreeSet;

/** Holiday lists computed by rule, for calendars nobody configured explicitly. */
public final class Holidays {

  private Holidays() {}

  /**
   * TARGET2 closing days (the euro's settlement system): New Year's Day, Good Friday, Easter
   * Monday, 1 May, 25 and 26 December.
   */
  public static Set<LocalDate> target2(int fromYear, int toYear) {
    if (toYear < fromYear || toYear - fromYear > 200) {
      throw new IllegalArgumentException("years " + fromYear + ".." + toYear);
    }
    Set<LocalDate> days = new TreeSet<>();
    for (int year = fromYear; year <= toYear; year++) {
      LocalDate easter = easterSunday(year);
      days.add(LocalDate.of(year, Month.JANUARY, 1));
      days.add(easter.minusDays(2));
      days.add(easter.plusDays(1));
      days.add(LocalDate.of(year, Month.MAY, 1));
      days.add(LocalDate.of(year, Month.DECEMBER, 25));
      days.add(LocalDate.of(year, Month.DECEMBER, 26));
    }
    return days;
  }

  /** Gregorian Easter Sunday (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
  public static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(year, month, day);
  }
}
