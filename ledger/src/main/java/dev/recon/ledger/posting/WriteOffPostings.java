package dev.recon.ledger.posting;

import static dev.recon.ledger.chart.ChartOfAccounts.BANK_IN_TRANSIT;
import static dev.recon.ledger.chart.ChartOfAccounts.SUSPENSE;
import static dev.recon.ledger.chart.ChartOfAccounts.WRITE_OFFS;

import dev.recon.ledger.chart.ChartOfAccounts;
import dev.recon.schemas.JournalEntry;
import dev.recon.schemas.Match;
import dev.recon.schemas.MatchMember;
import java.util.List;

/**
 * An approved write-off (DESIGN.md: "approved write-off | write_offs | the account holding the
 * break"): its one member is the record written off, with the amount in that record's sign
 * convention (MatchMember.amount_minor).
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
 *   <li>An amount of zero books nothing.
 * </ul>
 */
final class WriteOffPostings {

  /** A write-off decision names exactly the one record it writes off. */
  static final int MEMBERS = 1;

  private WriteOffPostings() {}

  static List<JournalEntry> entriesFor(Match match) {
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
    EntryLegs legs = new EntryLegs();
    String note = "";
    switch (m.getRecordKind()) {
      case PSP_TXN -> {
        String holder;
        if (m.getPsp() == null) {
          holder = SUSPENSE;
          note = "; no psp on the decision, so suspense holds the counter side";
        } else {
          holder = ChartOfAccounts.pspReceivable(m.getPsp());
        }
        legs.book(WRITE_OFFS, holder, PostingRules.currency(m), amount);
      }
      case PAYOUT -> legs.book(WRITE_OFFS, BANK_IN_TRANSIT, PostingRules.currency(m), amount);
      case BANK_LINE -> {
        String bank;
        if (m.getBankAccount() == null) {
          bank = SUSPENSE;
          note = "; no bank_account on the decision, so suspense holds the bank side";
        } else {
          bank = ChartOfAccounts.bank(m.getBankAccount());
        }
        legs.book(bank, WRITE_OFFS, PostingRules.currency(m), amount);
      }
      case EXPECTED -> {
        return List.of();
      }
      case UNKNOWN -> throw PostingRules.malformed(m, "write-off of a record of unknown kind");
    }
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
            + note;
    return List.of(PostingRules.entry(match, SourceKind.WRITE_OFF, description, legs.postings()));
  }
}
