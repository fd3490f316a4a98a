package dev.recon.ledger.posting;

import dev.recon.schemas.JournalEntry;
import dev.recon.schemas.Match;
import dev.recon.schemas.MatchMember;
import dev.recon.schemas.RecordKind;
import java.util.List;

/**
 * An approved unmatch becomes a reversal marker: an entry of source kind REVERSAL, id derived from
 * the unmatch's own match id, that names in {@code reverses_source_id} the match to undo and
 * carries no postings. The rules cannot know what that match booked, or whether it booked anything:
 * the ledger does, and books the mirror of the entries it holds for it (see {@code
 * dev.recon.ledger.db.MatchReversals}).
 */
final class UnmatchReversal {

  private UnmatchReversal() {}

  static JournalEntry entryFor(Match match) {
    List<MatchMember> members = match.getMembers();
    if (members.size() != 1 || members.get(0).getRecordKind() != RecordKind.UNKNOWN) {
      throw new IllegalArgumentException(
          "unmatch " + match.getMatchId() + " must have one member of kind UNKNOWN (the match)");
    }
    String undone = members.get(0).getRecordId();
    if (undone == null
        || undone.isEmpty()
        || undone.length() > JournalEntryInvariants.MAX_SOURCE_ID_LENGTH
        || undone.equals(match.getMatchId())) {
      throw PostingRules.malformed(
          members.get(0),
          "not a match id to undo (1-"
              + JournalEntryInvariants.MAX_SOURCE_ID_LENGTH
              + " characters, not the unmatch itself)");
    }
    return PostingRules.entry(
        match, SourceKind.REVERSAL, "reversal of match " + undone, List.of(), undone);
  }
}
