package dev.recon.reporting.casework.proposal;

import dev.recon.ledger.db.JournalLine;
import java.util.List;

/**
 * What approving a proposal would book in the ledger, computed by the ledger's own posting rules
 * from the same match the approval books, so the preview equals what gets booked (the booking time
 * is the approval's, hence {@code bookedAt} of the lines is only the preview's time).
 *
 * @param bookedHere true when approval books it directly (write-off); false when the matching job
 *     books it from the published decision (match, unmatch)
 * @param note what the lines mean, e.g. that an unmatch mirrors the match's entries
 */
public record LedgerEffect(List<JournalLine> lines, boolean bookedHere, String note) {

  public LedgerEffect {
    lines = List.copyOf(lines);
  }
}
