package dev.recon.normalization.mt940;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written tag match agrees with the pattern it replaced, on seeded random lines. */
class SwiftFieldReaderTagTest {
  private static final Pattern TAG = Pattern.compile(":(\\d{2}[A-Z]?):(.*)");
  private static final char[] ALPHABET = {
    ':', ':', ':', '0', '6', '1', '9', 'A', 'C', 'Z', 'a', '-', ' ', '/', '\u0085', '\u2028',
    '\u2029', '\u0661', '\t', ','
  };

  @Test
  void agreesWithThePattern() {
    Random random = new Random(940L);
    int tags = 0;
    for (int i = 0; i < 200_000; i++) {
      StringBuilder line = new StringBuilder();
      if (random.nextBoolean()) {
        line.append(':').append(random.nextInt(10)).append(random.nextInt(10));
      }
      int length = random.nextInt(8);
      for (int c = 0; c < length; c++) {
        line.append(ALPHABET[random.nextInt(ALPHABET.length)]);
      }
      String text = line.toString();
      Matcher m = TAG.matcher(text);
      int tagLength = SwiftFieldReader.tagLength(text);
      if (m.matches()) {
        tags++;
        assertThat(tagLength).as(text).isEqualTo(m.group(1).length());
        assertThat(text.substring(tagLength + 2)).as(text).isEqualTo(m.group(2));
      } else {
        assertThat(tagLength).as(text).isEqualTo(-1);
      }
    }
    assertThat(tags).isGreaterThan(1_000);
  }
}
