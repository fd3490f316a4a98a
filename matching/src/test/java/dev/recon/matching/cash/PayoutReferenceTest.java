package dev.recon.matching.cash;

import static dev.recon.matching.SampleRecords.bankLine;
import static dev.recon.matching.SampleRecords.payout;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.matching.model.Payout;
import dev.recon.matching.model.StatementLine;
import dev.recon.schemas.BankLine;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayoutReferenceTest {

  private static Payout payoutWith(String batch, String bankReference) {
    return Payout.from(payout("P1", batch, 100, bankReference, "2025-09-25T00:00:00Z"));
  }

  private static StatementLine lineWith(String remittance, String... references) {
    BankLine line = bankLine("L1", 100, "2025-09-26", "2025-09-26", remittance);
    line.setReferences(List.of(references));
    return StatementLine.from(line);
  }

  @Test
  void tokens_are_split_on_spaces_and_commas_upper_cased_and_at_least_six_long() {
    assertThat(PayoutReference.tokens("TX53913667600XT batch 1128, WikimediaDonations"))
        .containsExactly("TX53913667600XT", "WIKIMEDIADONATIONS");
    assertThat(PayoutReference.tokens(null)).isEmpty();
  }

  @Test
  void a_token_matches_case_insensitively_and_ignoring_spaces_on_the_bank_side() {
    Payout payout = payoutWith("9999", "TX53913667600XT batch 1128");

    assertThat(PayoutReference.appearsOn(payout, lineWith("adyen tx5391 3667600xt"))).isTrue();
    assertThat(PayoutReference.appearsOn(payout, lineWith(null, "NOTPROVIDED", "TX53913667600XT")))
        .isTrue();
    assertThat(PayoutReference.appearsOn(payout, lineWith("ADYEN TX53913667601XT"))).isFalse();
  }

  @Test
  void short_tokens_prove_nothing() {
    Payout payout = payoutWith("", "batch 1128");

    assertThat(PayoutReference.appearsOn(payout, lineWith("BATCH 1128"))).isFalse();
  }

  @Test
  void a_short_batch_id_counts_only_as_a_word_of_its_own() {
    Payout payout = payoutWith("1128", null);

    assertThat(PayoutReference.appearsOn(payout, lineWith("ADYEN BATCH 1128/EUR"))).isTrue();
    assertThat(PayoutReference.appearsOn(payout, lineWith("ADYEN BATCH 11280"))).isFalse();
  }

  @Test
  void a_long_batch_id_counts_anywhere() {
    Payout payout = payoutWith("po_1Nx2Ab", null);

    assertThat(PayoutReference.appearsOn(payout, lineWith("STRIPE PO_1NX2AB PAYOUT"))).isTrue();
  }

  @Test
  void bank_text_is_read_only_up_to_its_limit() {
    Payout payout = payoutWith("", "TX53913667600XT");
    String padding = "x".repeat(PayoutReference.MAX_TEXT_CHARS);

    assertThat(PayoutReference.appearsOn(payout, lineWith(padding + " TX53913667600XT"))).isFalse();
  }
}
