package dev.recon.ledger.posting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.schemas.JournalEntry;
import dev.recon.schemas.Posting;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournalEntryInvariantsTest {

  private static Posting dr(String account, long amount, String currency) {
    return new Posting(account, amount, 0L, currency);
  }

  private static Posting cr(String account, long amount, String currency) {
    return new Posting(account, 0L, amount, currency);
  }

  private static JournalEntry entry(Posting... postings) {
    return JournalEntry.newBuilder()
        .setEntryId("je-1")
        .setTenantId("acme")
        .setBookedAt(Instant.parse("2024-03-15T10:30:00Z"))
        .setSourceKind("MATCH_L1")
        .setSourceId("m-1")
        .setPostings(List.of(postings))
        .build();
  }

  @Test
  void balancedPerCurrencyPasses() {
    assertThatCode(
            () ->
                JournalEntryInvariants.requireBalanced(
                    entry(
                        dr("fx_conversion", 150_000, "JPY"),
                        cr("psp_receivable:adyen", 150_000, "JPY"),
                        dr("psp_receivable:adyen", 1_000, "USD"),
                        cr("fx_conversion", 1_000, "USD"))))
        .doesNotThrowAnyException();
  }

  @Test
  void unbalancedIsABug() {
    assertThatThrownBy(
            () ->
                JournalEntryInvariants.requireBalanced(
                    entry(dr("psp_fees", 100, "EUR"), cr("psp_receivable:adyen", 90, "EUR"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not balance in EUR by 10");
  }

  @Test
  void balancingAcrossCurrenciesIsNotBalancing() {
    assertThatThrownBy(
            () ->
                JournalEntryInvariants.requireBalanced(
                    entry(dr("psp_fees", 100, "EUR"), cr("psp_receivable:adyen", 100, "USD"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not balance");
  }

  @Test
  void postingsMustBeOneSidedAndPositive() {
    assertThatThrownBy(
            () ->
                JournalEntryInvariants.requireBalanced(
                    entry(new Posting("psp_fees", 100L, 100L, "EUR"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exactly one positive side");
    assertThatThrownBy(
            () ->
                JournalEntryInvariants.requireBalanced(
                    entry(new Posting("psp_fees", 0L, 0L, "EUR"))))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () ->
                JournalEntryInvariants.requireBalanced(
                    entry(dr("psp_fees", -5, "EUR"), cr("suspense", -5, "EUR"))))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void accountsCurrenciesAndShape() {
    assertThatThrownBy(
            () ->
                JournalEntryInvariants.requireBalanced(
                    entry(dr("cash", 1, "EUR"), cr("suspense", 1, "EUR"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not an account");
    assertThatThrownBy(
            () ->
                JournalEntryInvariants.requireBalanced(
                    entry(dr("psp_fees", 1, "EURO"), cr("suspense", 1, "EURO"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("currency");
    assertThatThrownBy(() -> JournalEntryInvariants.requireBalanced(entry()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no postings");
    List<Posting> many = new ArrayList<>();
    many.addAll(
        Collections.nCopies(
            JournalEntryInvariants.MAX_POSTINGS_PER_ENTRY / 2 + 1, dr("psp_fees", 1, "EUR")));
    many.addAll(
        Collections.nCopies(
            JournalEntryInvariants.MAX_POSTINGS_PER_ENTRY / 2 + 1, cr("suspense", 1, "EUR")));
    JournalEntry tooMany = entry();
    tooMany.setPostings(many);
    assertThatThrownBy(() -> JournalEntryInvariants.requireBalanced(tooMany))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("more than");
  }

  @Test
  void headerFields() {
    JournalEntry ok = entry(dr("psp_fees", 1, "EUR"), cr("suspense", 1, "EUR"));
    assertThat(JournalEntryInvariants.requireBalanced(ok)).isSameAs(ok);

    JournalEntry badTenant = JournalEntry.newBuilder(ok).setTenantId("a/b").build();
    JournalEntry early =
        JournalEntry.newBuilder(ok).setBookedAt(Instant.parse("1999-01-01T00:00:00Z")).build();
    JournalEntry longId = JournalEntry.newBuilder(ok).setEntryId("x".repeat(65)).build();
    JournalEntry longSource = JournalEntry.newBuilder(ok).setSourceId("x".repeat(257)).build();
    JournalEntry longText = JournalEntry.newBuilder(ok).setDescription("x".repeat(1001)).build();
    for (JournalEntry bad : List.of(badTenant, early, longId, longSource, longText)) {
      assertThatThrownBy(() -> JournalEntryInvariants.requireBalanced(bad))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  private static JournalEntry reversal(String reverses, Posting... postings) {
    return JournalEntry.newBuilder(entry(postings))
        .setSourceKind("REVERSAL")
        .setSourceId("m-unmatch")
        .setReversesSourceId(reverses)
        .build();
  }

  @Test
  void aReversalMarkerIsTheOneEntryWithoutPostings() {
    JournalEntry marker = reversal("m-1");
    assertThat(JournalEntryInvariants.isReversal(marker)).isTrue();
    assertThat(JournalEntryInvariants.requireBalanced(marker)).isSameAs(marker);
    assertThat(JournalEntryInvariants.isReversal(entry(dr("psp_fees", 1, "EUR")))).isFalse();
  }

  @Test
  void aReversalMarkerCarriesNoPostingsEvenBalancedOnes() {
    assertThatThrownBy(
            () ->
                JournalEntryInvariants.requireBalanced(
                    reversal("m-1", dr("psp_fees", 1, "EUR"), cr("suspense", 1, "EUR"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("carries no postings");
  }

  @Test
  void reversalMarkersMustBeOfKindReversalAndTheOtherWayRound() {
    JournalEntry wrongKind =
        JournalEntry.newBuilder(reversal("m-1")).setSourceKind("MATCH_L1").build();
    assertThatThrownBy(() -> JournalEntryInvariants.requireBalanced(wrongKind))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("source_kind MATCH_L1");
    JournalEntry unmarked =
        JournalEntry.newBuilder(entry(dr("psp_fees", 1, "EUR"), cr("suspense", 1, "EUR")))
            .setSourceKind("REVERSAL")
            .build();
    assertThatThrownBy(() -> JournalEntryInvariants.requireBalanced(unmarked))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("without reverses_source_id");
  }

  @Test
  void aReversalNamesAnotherSourceOfBoundedLength() {
    assertThatThrownBy(() -> JournalEntryInvariants.requireBalanced(reversal("m-unmatch")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("its own source");
    for (String bad : List.of("", "x".repeat(JournalEntryInvariants.MAX_SOURCE_ID_LENGTH + 1))) {
      assertThatThrownBy(() -> JournalEntryInvariants.requireBalanced(reversal(bad)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("reverses_source_id");
    }
    assertThat(
            JournalEntryInvariants.requireBalanced(
                reversal("x".repeat(JournalEntryInvariants.MAX_SOURCE_ID_LENGTH))))
        .isNotNull();
  }

  @Test
  void anEntryWithoutPostingsAndWithoutMarkerIsStillABug() {
    assertThatThrownBy(() -> JournalEntryInvariants.requireBalanced(reversal(null)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("reversal without reverses_source_id");
  }
}
