package dev.recon.ledger.posting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.schemas.JournalEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdyenLikeCycleTest {

  private static final Instant CAPTURED = Instant.parse("2024-03-28T09:00:00Z");

  @Test
  void aFullyReconciledCycleLeavesNothingReceivableOrInTransit() {
    List<JournalEntry> entries = AdyenLikeCycle.entries("acme", "B42", CAPTURED);

    assertThat(entries)
        .extracting(JournalEntry::getSourceKind)
        .containsExactly("MATCH_L1", "MATCH_L1", "MATCH_L1", "MATCH_L3", "MATCH_L4");
    Map<String, Long> balances = Ledgers.balances(entries);
    assertThat(balances)
        .containsEntry("psp_receivable:adyen USD", 0L)
        .containsEntry("psp_receivable:adyen JPY", 0L)
        .containsEntry("bank_in_transit USD", 0L);
  }

  @Test
  void whatTheCycleLeavesIsExactlyTheBusinessResult() {
    Map<String, Long> balances = Ledgers.balances(AdyenLikeCycle.entries("acme", "B42", CAPTURED));

    assertThat(balances)
        .containsExactlyInAnyOrderEntriesOf(
            Map.ofEntries(
                Map.entry("bank:NL91ABNA0417164300 USD", AdyenLikeCycle.PAYOUT_USD),
                Map.entry("bank_in_transit USD", 0L),
                Map.entry("chargeback_losses USD", 3_000L),
                Map.entry("fx_conversion JPY", 150_000L),
                Map.entry("fx_conversion USD", -100_000L),
                // captures 10000 + 5000 (USD) less the refund 2000; the JPY capture
                Map.entry("payments_clearing USD", -13_000L),
                Map.entry("payments_clearing JPY", -150_000L),
                // 120 + 80 + 300 + 10 + 1500 + 500 + 1200
                Map.entry("psp_fees USD", 3_710L),
                Map.entry("psp_receivable:adyen JPY", 0L),
                Map.entry("psp_receivable:adyen USD", 0L)));
  }

  @Test
  void anUnmatchedCaptureIsTheBreakThatRemainsReceivable() {
    List<JournalEntry> entries = AdyenLikeCycle.entries("acme", "B42", CAPTURED);
    // Without the L1 match of capture c2 its gross was never booked, so the settlement's fee and
    // payout over-draw the receivable by exactly that gross.
    List<JournalEntry> withoutC2 =
        entries.stream().filter(e -> !e.getSourceId().equals("L1:B42-c2")).toList();
    assertThat(withoutC2).hasSize(entries.size() - 1);

    assertThat(Ledgers.balances(withoutC2)).containsEntry("psp_receivable:adyen USD", -5_000L);
  }

  @Test
  void everyEntryIsBalancedAndDistinct() {
    List<JournalEntry> entries = AdyenLikeCycle.entries("acme", "B42", CAPTURED);
    entries.forEach(JournalEntryInvariants::requireBalanced);
    assertThat(entries).extracting(JournalEntry::getEntryId).doesNotHaveDuplicates();
  }
}
