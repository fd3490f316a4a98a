package dev.recon.ledger.db;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;

/**
 * Writes rows in PostgreSQL's COPY text format: tab-separated fields, one row per line, {@code \N}
 * for null, and backslash escapes for the characters that would otherwise end a field or a row.
 * Public for the benchmark's raw COPY, which must format its rows exactly as the ledger does.
 */
public final class CopyText {

  private static final long SECONDS_PER_DAY = 86_400;
  private static final long FIRST_FAST_SECOND =
      Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
  private static final long END_FAST_SECOND =
      Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();

  private final Writer out;

  /** Holds one formatted timestamp: {@code yyyy-MM-ddTHH:mm:ss.nnnnnnnnnZ}. */
  private final char[] timestamp = new char[30];

  private boolean firstField = true;

  public CopyText(Writer out) {
    this.out = out;
  }

  public CopyText text(String value) throws IOException {
    separate();
    if (value == null) {
      out.write("\\N");
      return this;
    }
    int clean = 0;
    while (clean < value.length() && !needsEscape(value.charAt(clean))) {
      clean++;
    }
    // Almost every value has nothing to escape: written whole, not char by char.
    out.write(value, 0, clean);
    for (int i = clean; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.write("\\\\");
        case '\t' -> out.write("\\t");
        case '\n' -> out.write("\\n");
        case '\r' -> out.write("\\r");
        default -> out.write(c);
      }
    }
    return this;
  }

  private static boolean needsEscape(char c) {
    return c == '\\' || c == '\t' || c == '\n' || c == '\r';
  }

  public CopyText number(long value) throws IOException {
    separate();
    out.write(Long.toString(value));
    return this;
  }

  /**
   * ISO-8601 in UTC ({@code 2024-03-20T12:00:00.123456789Z}), which timestamptz input reads exactly
   * (rounding to microseconds as it would for {@link Instant#toString}). Years 1-9999 are written
   * here without a formatter, since one timestamp per row made {@link Instant#toString} the
   * writer's largest client-side cost; others fall back to it.
   */
  public CopyText instant(Instant value) throws IOException {
    separate();
    long seconds = value.getEpochSecond();
    if (seconds < FIRST_FAST_SECOND || seconds >= END_FAST_SECOND) {
      out.write(value.toString());
      return this;
    }
    long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
    int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
    // Civil date from days since 1970-01-01 (H. Hinnant's days_from_civil, inverted).
    long z = days + 719_468;
    long era = Math.floorDiv(z, 146_097);
    int dayOfEra = (int) (z - era * 146_097);
    int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    int mp = (5 * dayOfYear + 2) / 153;
    int day = dayOfYear - (153 * mp + 2) / 5 + 1;
    int month = mp < 10 ? mp + 3 : mp - 9;
    int year = (int) (yearOfEra + era * 400) + (month <= 2 ? 1 : 0);
    char[] b = timestamp;
    digits(b, 0, year, 4);
    b[4] = '-';
    digits(b, 5, month, 2);
    b[7] = '-';
    digits(b, 8, day, 2);
    b[10] = 'T';
    digits(b, 11, secondOfDay / 3600, 2);
    b[13] = ':';
    digits(b, 14, secondOfDay / 60 % 60, 2);
    b[16] = ':';
    digits(b, 17, secondOfDay % 60, 2);
    int length = 19;
    int nanos = value.getNano();
    if (nanos != 0) {
      b[19] = '.';
      digits(b, 20, nanos, 9);
      length = 29;
    }
    b[length++] = 'Z';
    out.write(b, 0, length);
    return this;
  }

  private static void digits(char[] b, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      b[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  public void endRow() throws IOException {
    out.write('\n');
    firstField = true;
  }

  private void separate() throws IOException {
    if (!firstField) {
      out.write('\t');
    }
    firstField = false;
  }
}
