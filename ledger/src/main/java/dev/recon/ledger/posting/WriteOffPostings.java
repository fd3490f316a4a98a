package dev.recon.ledger.posting;

import dev.recon.schemas.JournalEntry;
import dev.recon.schemas.Match;
import dev.recon.schemas.MatchMember;
import dev.recon.schemas.RecordKind;
import java.util.List;

/**
 * An approved write-off (DESIGN.md: "approved write-off | write_offs | the account holding the
 * break"): its one member is the record written off, with the amount in that record's sign
 * convention (MatchMember.amount_minor). It books by the table's {@link Booking#WRITE_OFF} rule for
 * the member's kind; by default:
 *
 * <ul>
 *   <li>PSP_TXN: Dr {@code write_offs} / Cr {@code psp_receivable:<psp>}, sides swapped for a
 *       negative amount. Without a PSP the counter account is {@code suspense}, and the entry says
 *       so: finance then moves it to the right receivable by hand.
 *   <li>PAYOUT: Dr {@code write_offs} / Cr {@code bank_in_transit}, swapped if negative.
 *   <li>BANK_LINE: a credit line (positive) Dr {@code bank:<account>} / Cr {@code write_offs}, a
 *       debit line swapped; without a bank account the bank side is {@code suspense}.
 *   <li>EXPECTED: nothing. An expectation is never on the ledger; the approved decision is the
 *       trail.
 * </ul>
 *
 * An amount of zero books nothing; the one member and a known kind are structure, checked here.
 */
final class WriteOffPostings {

  /** A write-off decision names exactly the one record it writes off. */
  static final int MEMBERS = 1;

  private WriteOffPostings() {}

  static List<JournalEntry> entriesFor(Match match, PostingTable table) {
    if (match.getMembers().size() != MEMBERS) {
      throw new IllegalArgumentException(
          "write-off match "
              + match.getMatchId()
              + " must have exactly "
              + MEMBERS
              + " member, has "
              + match.getMembers().size());
    }
    MatchMember m = match.getMembers().get(0);
    long amount = PostingRules.amount(m);
    if (m.getRecordKind() == RecordKind.UNKNOWN) {
      throw PostingRules.malformed(m, "write-off of a record of unknown kind");
    }
    EntryLegs legs = new EntryLegs();
    MemberPostings postings = new MemberPostings(match, legs);
    postings.book(m, table.rule(Booking.WRITE_OFF, m.getRecordKind(), null), null);
    if (legs.isEmpty()) {
      return List.of();
    }
    String description =
        "write-off of "
            + m.getRecordKind()
            + " "
            + m.getRecordId()
            + ": "
            + amount
            + " "
            + m.getCurrency()
            + PostingRules.notes(postings.notes());
    return List.of(PostingRules.entry(match, SourceKind.WRITE_OFF, description, legs.postings()));
  }
}
