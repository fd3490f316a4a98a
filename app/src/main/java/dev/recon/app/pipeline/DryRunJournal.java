package dev.recon.app.pipeline;

import dev.recon.ledger.db.JournalLine;
import dev.recon.matching.job.JournalPoster;
import dev.recon.schemas.JournalEntry;
import dev.recon.schemas.Match;
import dev.recon.schemas.Posting;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The journal a dry run would have booked: the run's poster (the tenant's posting table) applied to
 * the run's matches, in the order {@code journal.csv} has when the ledger is read (booking time,
 * entry id, line). A reversal (an approved UNMATCH) takes its postings from the ledger, which a dry
 * run does not touch, so it shows no lines here.
 */
final class DryRunJournal {

  private DryRunJournal() {}

  static List<JournalLine> linesFor(List<Match> matches, JournalPoster poster) {
    List<JournalEntry> entries = new ArrayList<>();
    for (Match m : matches) {
      entries.addAll(poster.entriesFor(m));
    }
    entries.sort(
        Comparator.comparing(JournalEntry::getBookedAt).thenComparing(JournalEntry::getEntryId));
    List<JournalLine> lines = new ArrayList<>();
    String previous = null;
    for (JournalEntry e : entries) {
      if (e.getEntryId().equals(previous)) {
        continue; // the same match twice on the topic books once, as in the ledger
      }
      previous = e.getEntryId();
      for (Posting p : e.getPostings()) {
        lines.add(
            new JournalLine(
                e.getEntryId(),
                e.getBookedAt(),
                p.getAccount(),
                p.getDebitMinor(),
                p.getCreditMinor(),
                p.getCurrency(),
                e.getSourceKind(),
                e.getSourceId()));
      }
    }
    return lines;
  }
}
