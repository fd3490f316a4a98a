package dev.recon.app.pipeline;

import static dev.recon.app.pipeline.PostingTableFixtures.POOLED_RECEIVABLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.ledger.posting.PostingRules;
import dev.recon.ledger.posting.PostingTable;
import dev.recon.matching.job.JournalPoster;
import dev.recon.schemas.JournalEntry;
import dev.recon.schemas.Match;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.MatchMember;
import dev.recon.schemas.Posting;
import dev.recon.schemas.RecordKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

/** The poster books each tenant's matches by its own table, and travels in a job graph. */
class TenantPostingTablesTest {

  private static final PostingTable POOLED =
      PostingTable.parse(PostingTableFixtures.pooledReceivableYaml()).table();

  /** An L1 match: an expected payment and its PSP capture of 25.00 EUR. */
  private static Match capture(String tenant) {
    MatchMember expected =
        MatchMember.newBuilder()
            .setRecordKind(RecordKind.EXPECTED)
            .setRecordId("exp-1")
            .setAmountMinor(2500)
            .setCurrency("EUR")
            .build();
    MatchMember psp =
        MatchMember.newBuilder()
            .setRecordKind(RecordKind.PSP_TXN)
            .setRecordId("psp-1")
            .setAmountMinor(2500)
            .setCurrency("EUR")
            .setEventType("CAPTURE")
            .setFeeMinor(30)
            .setNetMinor(2470)
            .setNetCurrency("EUR")
            .setPsp("adyen")
            .build();
    return Match.newBuilder()
        .setMatchId("L1:exp-1|psp-1")
        .setTenantId(tenant)
        .setLevel(MatchLevel.L1)
        .setRule("reference")
        .setConfidence(100)
        .setMembers(List.of(expected, psp))
        .setMatchedAt(Instant.parse("2026-10-05T10:00:00Z"))
        .build();
  }

  private static List<String> accounts(List<JournalEntry> entries) {
    return entries.stream()
        .flatMap(e -> e.getPostings().stream())
        .map(Posting::getAccount)
        .distinct()
        .sorted()
        .toList();
  }

  @Test
  void aTenantWithItsOwnTableBooksByItAndOthersByTheDefault() {
    TenantPostingTables tables = TenantPostingTables.of(null, Map.of("acme", POOLED));

    assertThat(accounts(tables.entriesFor(capture("acme"))))
        .containsExactly("payments_clearing", POOLED_RECEIVABLE);
    assertThat(accounts(tables.entriesFor(capture("beta"))))
        .containsExactly("payments_clearing", "psp_receivable:adyen");
    assertThat(tables.entriesFor(capture("beta")))
        .isEqualTo(PostingRules.entriesFor(capture("beta")));
  }

  @Test
  void theTableDoesNotEnterTheEntryIdSoAReplayBooksTheSameIds() {
    TenantPostingTables own = TenantPostingTables.of(null, Map.of("acme", POOLED));
    List<JournalEntry> first = own.entriesFor(capture("acme"));
    List<JournalEntry> replay = own.entriesFor(capture("acme"));
    List<JournalEntry> builtIn = TenantPostingTables.builtIn().entriesFor(capture("acme"));

    assertThat(replay).isEqualTo(first);
    assertThat(first)
        .extracting(JournalEntry::getEntryId)
        .isEqualTo(builtIn.stream().map(JournalEntry::getEntryId).toList());
  }

  @Test
  void itSurvivesJavaSerializationAsFlinkShipsAFunctionWithItsTables() throws Exception {
    TenantPostingTables tables =
        TenantPostingTables.of(PostingTable.defaultTable(), Map.of("acme", POOLED));

    JournalPoster copy =
        InstantiationUtil.deserializeObject(
            InstantiationUtil.serializeObject(tables), getClass().getClassLoader());

    assertThat(copy).isNotSameAs(tables);
    assertThat(copy.entriesFor(capture("acme"))).isEqualTo(tables.entriesFor(capture("acme")));
    assertThat(copy.entriesFor(capture("beta"))).isEqualTo(tables.entriesFor(capture("beta")));
    assertThat(accounts(copy.entriesFor(capture("acme")))).contains(POOLED_RECEIVABLE);
  }
}
