package dev.recon.normalization.mt940;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The direct split of plain :61: values gives exactly what Prowide's Field61 gives, and leaves
 * every value it is not sure of to Prowide: checked on typical values, on values at and past every
 * length bound, and on many seeded random variations of each part.
 */
class Field61PartsTest {
  private static final long SEED = 6161L;
  private static final int RANDOM_VALUES = 20_000;

  @Test
  void typicalValuesAreSplitDirectlyAsProwideSplitsThem() {
    List<String> typical =
        List.of(
            "2601020102C1234,56NTRFINV-1//BK1",
            "260102C5,NTRFNONREF",
            "2601020102D000000000025,00NCHGREF.2",
            "260102C100,5NMSCabc-1//X\r\nSEPA CREDIT TRANSFER",
            "2601020102C9,FTRFREF\nDETAILS 34 CHARACTERS LONG........",
            "260102D12345678901234,SCOLA123456789012345//B234567890123456");
    for (String value : typical) {
      assertThat(Field61Parts.plain(value)).as(value).isNotNull();
      assertThat(Field61Parts.plain(value)).as(value).isEqualTo(Field61Parts.prowide(value));
    }
  }

  @Test
  void unusualValuesGoToProwide() {
    List<String> unusual =
        List.of(
            "2601020102RC1234,56NTRFINV-1//BK1",
            "2601020102CR1234,56NTRFINV-1",
            "260102C1234,56NTRFINV 1",
            "260102C1234,56NTRFA12345678901234567",
            "260102C1234,56NTRF//BK",
            "260102C1234,56NTRFREF//",
            "260102C1234,56NTRFREF//A/B",
            "260102C1234NTRFREF",
            "260102C1,2,3NTRFREF",
            "260102C1234,56XTRFREF",
            "260102C1234,56NTRFREF\nA\nB",
            "260102C1234,56NTRFREF\n",
            "260102C1234,56NTRFREF\n DETAILS",
            "26010C1234,56NTRFREF",
            "",
            "260102");
    for (String value : unusual) {
      assertThat(Field61Parts.plain(value)).as(value).isNull();
    }
  }

  @Test
  void randomVariationsSplitDirectlyOnlyAsProwideWould() {
    Random random = new Random(SEED);
    int direct = 0;
    for (String value : variations(random)) {
      Field61Parts plain = Field61Parts.plain(value);
      if (plain != null) {
        direct++;
        assertThat(plain).as("value %s", value).isEqualTo(Field61Parts.prowide(value));
      }
    }
    assertThat(direct).as("values split directly").isGreaterThan(RANDOM_VALUES / 20);
  }

  /** Each part is a plain choice three times in four, so a fair share of values is plain. */
  private static List<String> variations(Random random) {
    String[][] dates = {{"260102", "2601020102", "991231"}, {"260102    ", "26010", "2601020"}};
    String[][] marks = {{"C", "D"}, {"RC", "RD", "CR", "DR", "X", ""}};
    String[][] amounts = {
      {"1234,56", "5,", "0,01", "12345678901234,", "00,00"},
      {",5", "1234", "123456789012345,", "1,2,3"}
    };
    String[][] types = {
      {"NTRF", "FCHG", "SMSC", "N12A"}, {"NMSCabc", "XTRF", "N12", "NTR", "Ntrf"}
    };
    String[][] owners = {
      {"INV-1", "NONREF", "A", "REF.2", "a-b", "1234567890123456"},
      {"12345678901234567", "", "A B", "A/B", "\u00dc"}
    };
    String[][] banks = {
      {"", "//BK1", "//B234567890123456"}, {"//B2345678901234567", "//", "//A/B", "/X", "//A B"}
    };
    String[][] details = {
      {"", "\r\nSEPA", "\nDETAILS", "\rDETAILS", "\n1234567890123456789012345678901234"},
      {"\n", "\n DETAILS", "\nDETAILS ", "\nA\nB", "\n12345678901234567890123456789012345", "\nA/B"}
    };
    List<String> values = new ArrayList<>();
    for (int i = 0; i < RANDOM_VALUES; i++) {
      values.add(
          pick(random, dates)
              + pick(random, marks)
              + pick(random, amounts)
              + pick(random, types)
              + pick(random, owners)
              + pick(random, banks)
              + pick(random, details));
    }
    return values;
  }

  private static String pick(Random random, String[][] plainAndNot) {
    String[] choices = plainAndNot[random.nextInt(4) == 0 ? 1 : 0];
    return choices[random.nextInt(choices.length)];
  }
}
