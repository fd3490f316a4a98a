package dev.recon.ledger.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CopyTextTest {

  private static String row(Instant value) throws IOException {
    StringWriter out = new StringWriter();
    new CopyText(out).instant(value).endRow();
    String text = out.toString();
    assertThat(text).endsWith("\n");
    return text.substring(0, text.length() - 1);
  }

  @Test
  void timestampsReadBackAsTheSameInstant() throws IOException {
    List<Instant> instants =
        new ArrayList<>(
            List.of(
                Instant.parse("0001-01-01T00:00:00Z"),
                Instant.parse("1969-12-31T23:59:59.999999999Z"),
                Instant.EPOCH,
                Instant.parse("2000-02-29T12:00:00Z"),
                Instant.parse("2024-03-20T12:00:00.123Z"),
                Instant.parse("2100-02-28T23:59:59.000001Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("-0001-06-01T00:00:00Z")));
    SplittableRandom random = new SplittableRandom(42);
    long first = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
    long end = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();
    for (int i = 0; i < 100_000; i++) {
      instants.add(
          Instant.ofEpochSecond(
              random.nextLong(first, end),
              random.nextBoolean() ? 0 : random.nextInt(1_000_000_000)));
    }
    for (Instant instant : instants) {
      String text = row(instant);
      assertThat(Instant.parse(text)).as(text).isEqualTo(instant);
    }
  }

  @Test
  void wholeSecondsHaveNoFraction() throws IOException {
    assertThat(row(Instant.parse("2021-01-01T00:00:00Z"))).isEqualTo("2021-01-01T00:00:00Z");
    assertThat(row(Instant.parse("2021-03-05T07:08:09.5Z")))
        .isEqualTo("2021-03-05T07:08:09.500000000Z");
  }

  @Test
  void fieldsAreTabSeparatedWithEscapesAndNulls() throws IOException {
    StringWriter out = new StringWriter();
    new CopyText(out).text("a\tb\\c\nd\re").text(null).number(-5).endRow();
    assertThat(out.toString()).isEqualTo("a\\tb\\\\c\\nd\\re\t\\N\t-5\n");
  }
}
