package dev.recon.ledger.posting;

import dev.recon.schemas.MatchLevel;

/** What caused a journal entry; stored as {@code journal_entries.source_kind}. */
public enum SourceKind {
  MATCH_L1,
  MATCH_L2,
  MATCH_L3,
  MATCH_L4,
  MATCH_MANUAL,

  /** An approved write-off: the break leaves the account holding it for {@code write_offs}. */
  WRITE_OFF,

  /**
   * An approved unmatch: the mirror of the entries booked for the undone match, which the ledger
   * books from what it holds ({@code journal_entries.reverses_source_id} names that match).
   */
  REVERSAL;

  /** The source kind of the entries booked for an automatic or manual match of this level. */
  public static SourceKind of(MatchLevel level) {
    return switch (level) {
      case L1 -> MATCH_L1;
      case L2 -> MATCH_L2;
      case L3 -> MATCH_L3;
      case L4 -> MATCH_L4;
      case MANUAL -> MATCH_MANUAL;
    };
  }
}
