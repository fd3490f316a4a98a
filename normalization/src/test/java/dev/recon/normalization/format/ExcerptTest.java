package dev.recon.normalization.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExcerptTest {

  @Test
  void masksEmailAddresses() {
    assertThat(Excerpt.masked("buyer donor_9@example.org, paid")).isEqualTo("buyer ***@***, paid");
  }

  @Test
  void masksLongDigitRunsKeepingTheLastFour() {
    assertThat(Excerpt.masked("card 4111 1111 1111 1234 ok")).isEqualTo("card ****1234 ok");
    assertThat(Excerpt.masked("NL26VAYB8060476890")).isEqualTo("NL26VAYB****6890");
    assertThat(Excerpt.masked("amount 1234567 stays")).isEqualTo("amount 1234567 stays");
    assertThat(Excerpt.masked("4111-1111-1111-1234")).isEqualTo("****1234");
    assertThat(Excerpt.masked("on 2025-03-05 10:15:00")).isEqualTo("on 2025-03-05 10:15:00");
  }

  @Test
  void truncatesAndFlattensLines() {
    String masked = Excerpt.masked("x".repeat(500));
    assertThat(masked).hasSize(Excerpt.MAX_EXCERPT_CHARS + 3).endsWith("...");
    assertThat(Excerpt.masked("a\r\nb")).isEqualTo("a  b");
    assertThat(Excerpt.masked(null)).isNull();
  }

  @Test
  void rowExcerptsShowOnlyTheStartOfTheRow() {
    assertThat(Excerpt.rowStart("E1,M1,adyen")).isEqualTo("E1,M1,adyen");
    assertThat(Excerpt.rowStart("EXP-1,ORD-1,adyen,10.00,EUR,2025-03-05,Jane Doe, Main Street 1"))
        .isEqualTo("EXP-1,ORD-1,adyen,10.00,EUR,2025-03-05,J...");
    assertThat(Excerpt.rowStart("x,4111111111111111,rest of the row that is long enough"))
        .isEqualTo("x,****1111,rest of the row that is long ...");
    assertThat(Excerpt.rowStart(null)).isNull();
  }
}
