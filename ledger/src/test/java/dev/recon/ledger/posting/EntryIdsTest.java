package dev.recon.ledger.posting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntryIdsTest {

  @Test
  void idIsStableAcrossVersions() {
    // Golden value: changing the derivation would book every replayed source a second time.
    assertThat(EntryIds.entryId("acme", "MATCH_L1", "m-1"))
        .isEqualTo("je-6ee90d9eb4a137d8e7411ff70523fd5f");
  }

  @Test
  void everyPartOfTheSourceCounts() {
    String id = EntryIds.entryId("acme", "MATCH_L1", "m-1");
    assertThat(id).hasSize(3 + EntryIds.HASH_HEX_CHARS);
    assertThat(EntryIds.entryId("globex", "MATCH_L1", "m-1")).isNotEqualTo(id);
    assertThat(EntryIds.entryId("acme", "MATCH_L3", "m-1")).isNotEqualTo(id);
    assertThat(EntryIds.entryId("acme", "MATCH_L1", "m-2")).isNotEqualTo(id);
    // Separators keep parts from running into each other.
    assertThat(EntryIds.entryId("acm", "eMATCH_L1", "m-1")).isNotEqualTo(id);
  }
}
