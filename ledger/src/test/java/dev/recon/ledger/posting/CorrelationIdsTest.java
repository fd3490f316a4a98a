package dev.recon.ledger.posting;

import static dev.recon.ledger.posting.MatchFixtures.bankLine;
import static dev.recon.ledger.posting.MatchFixtures.expected;
import static dev.recon.ledger.posting.MatchFixtures.match;
import static dev.recon.ledger.posting.MatchFixtures.payout;
import static dev.recon.ledger.posting.MatchFixtures.pspTxn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.schemas.JournalEntry;
import dev.recon.schemas.Match;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.MatchMember;
import dev.recon.schemas.RecordKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorrelationIdsTest {

  private static final String T = "acme";

  static MatchMember from(MatchMember member, String correlationId) {
    return MatchMember.newBuilder(member).setCorrelationId(correlationId).build();
  }

  private static JournalEntry single(Match match) {
    List<JournalEntry> entries = PostingRules.entriesFor(match);
    assertThat(entries).hasSize(1);
    return entries.get(0);
  }

  @Test
  void anEntryCarriesTheDistinctCorrelationIdsOfItsMembersSorted() {
    // A settlement: three rows of one settlement file, the payout reported by a webhook.
    JournalEntry e =
        single(
            match(
                T,
                "L3:b",
                MatchLevel.L3,
                from(pspTxn("c1", "CAPTURE", 10_000, 250, "EUR", "adyen"), "sftp-file-b"),
                from(pspTxn("c2", "CAPTURE", 5_000, 100, "EUR", "adyen"), "sftp-file-b"),
                from(pspTxn("r1", "REFUND", -1_000, 0, "EUR", "adyen"), null),
                from(payout("b", 13_650, "EUR", "adyen"), "webhook-a")));

    assertThat(e.getCorrelationIds()).containsExactly("sftp-file-b", "webhook-a");
  }

  @Test
  void eachLevelCarriesThemAndAMatchWithoutAnyGivesNone() {
    JournalEntry capture =
        single(
            match(
                T,
                "L1:c1",
                MatchLevel.L1,
                from(expected("o1", 10_000, "EUR"), "erp-export-1"),
                from(pspTxn("c1", "CAPTURE", 10_000, 250, "EUR", "adyen"), "webhook-2")));
    JournalEntry cash =
        single(
            match(
                T,
                "L4:b",
                MatchLevel.L4,
                from(payout("b", 13_650, "EUR", "adyen"), "webhook-2"),
                from(bankLine("l1", 13_650, "EUR", "a1"), "mail-3")));
    JournalEntry none =
        single(
            match(
                T,
                "L1:c2",
                MatchLevel.L1,
                expected("o2", 10_000, "EUR"),
                pspTxn("c2", "CAPTURE", 10_000, 250, "EUR", "adyen")));

    assertThat(capture.getCorrelationIds()).containsExactly("erp-export-1", "webhook-2");
    assertThat(cash.getCorrelationIds()).containsExactly("mail-3", "webhook-2");
    assertThat(none.getCorrelationIds()).isEmpty();
  }

  @Test
  void atMostTheLimitAreKeptTheFirstInSortOrder() {
    List<MatchMember> members = new ArrayList<>();
    long sum = 0;
    for (int i = 0; i < CorrelationIds.MAX_PER_ENTRY + 4; i++) {
      members.add(
          from(pspTxn("c" + i, "CAPTURE", 100, 0, "EUR", "adyen"), String.format("file-%02d", i)));
      sum += 100;
    }
    members.add(from(payout("b", sum, "EUR", "adyen"), "webhook-z"));

    JournalEntry e = single(match(T, "L3:b", MatchLevel.L3, members.toArray(MatchMember[]::new)));

    assertThat(e.getCorrelationIds())
        .hasSize(CorrelationIds.MAX_PER_ENTRY)
        .isSorted()
        .startsWith("file-00")
        .endsWith(String.format("file-%02d", CorrelationIds.MAX_PER_ENTRY - 1))
        .doesNotContain("webhook-z");
  }

  @Test
  void idsTheLedgerCannotStoreAreLeftOutNotRefused() {
    String tooLong = "x".repeat(CorrelationIds.MAX_LENGTH + 1);
    JournalEntry e =
        single(
            match(
                T,
                "L1:c1",
                MatchLevel.L1,
                from(expected("o1", 10_000, "EUR"), "with space"),
                from(pspTxn("c1", "CAPTURE", 10_000, 250, "EUR", "adyen"), tooLong)));

    assertThat(e.getCorrelationIds()).isEmpty();
    assertThat(CorrelationIds.isValid("x".repeat(CorrelationIds.MAX_LENGTH))).isTrue();
    assertThat(CorrelationIds.isValid("1c0b8f2e-6a0d-4a4b-9d63-0d2a4cfe3e1f")).isTrue();
    assertThat(CorrelationIds.isValid("")).isFalse();
    assertThat(CorrelationIds.isValid(null)).isFalse();
  }

  @Test
  void manualDecisionsHaveNoDeliveryAndCarryNone() {
    Instant approved = Instant.parse("2024-04-02T09:15:00Z");
    JournalEntry writeOff =
        single(
            MatchFixtures.writeOff(
                T, "m-wo", approved, RecordKind.PSP_TXN, "rec-1", 150, "EUR", "adyen", null));
    JournalEntry reversal = single(MatchFixtures.unmatch(T, "m-un", approved, "L1:c1"));

    assertThat(writeOff.getCorrelationIds()).isEmpty();
    assertThat(reversal.getCorrelationIds()).isEmpty();
  }

  @Test
  void aWrittenOffRecordFromADeliveryNamesIt() {
    Match m =
        MatchFixtures.writeOff(
            T,
            "m-wo",
            Instant.parse("2024-04-02T09:15:00Z"),
            RecordKind.PSP_TXN,
            "rec-1",
            150,
            "EUR",
            "adyen",
            null);
    m.setMembers(List.of(from(m.getMembers().get(0), "webhook-9")));

    assertThat(single(m).getCorrelationIds()).containsExactly("webhook-9");
  }

  @Test
  void theColumnHoldsTheIdsSpaceSeparatedAndNullForNone() {
    List<String> most = new ArrayList<>();
    for (int i = 0; i < CorrelationIds.MAX_PER_ENTRY; i++) {
      most.add(String.format("%02d", i) + "x".repeat(CorrelationIds.MAX_LENGTH - 2));
    }
    String column = CorrelationIds.toColumn(most);

    assertThat(column.length()).isLessThanOrEqualTo(CorrelationIds.MAX_COLUMN_LENGTH);
    assertThat(CorrelationIds.fromColumn(column)).isEqualTo(most);
    assertThat(CorrelationIds.toColumn(List.of())).isNull();
    assertThat(CorrelationIds.fromColumn(null)).isEmpty();
    assertThat(CorrelationIds.fromColumn("a b")).containsExactly("a", "b");
  }

  @Test
  void theInvariantsRefuseIdsTheRulesNeverGive() {
    JournalEntry e =
        single(
            match(
                T,
                "L1:c1",
                MatchLevel.L1,
                expected("o1", 10_000, "EUR"),
                pspTxn("c1", "CAPTURE", 10_000, 250, "EUR", "adyen")));
    List<String> tooMany = new ArrayList<>();
    for (int i = 0; i <= CorrelationIds.MAX_PER_ENTRY; i++) {
      tooMany.add(String.format("id-%02d", i));
    }

    for (List<String> bad :
        List.of(tooMany, List.of("b", "a"), List.of("a", "a"), List.of("has space"))) {
      JournalEntry withBad = JournalEntry.newBuilder(e).setCorrelationIds(bad).build();
      assertThatThrownBy(() -> JournalEntryInvariants.requireBalanced(withBad))
          .as(bad.toString())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("correlation");
    }
    assertThat(
            JournalEntryInvariants.requireBalanced(
                JournalEntry.newBuilder(e).setCorrelationIds(List.of("a", "b")).build()))
        .isNotNull();
  }
}
