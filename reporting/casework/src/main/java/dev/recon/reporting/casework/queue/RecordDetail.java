package dev.recon.reporting.casework.queue;

import java.util.List;
import java.util.Optional;

/**
 * One canonical record for the drill-down from a match or a ledger posting: the record, its source
 * line, the matches it is in and its breaks.
 */
public record RecordDetail(
    RecordView record,
    Optional<SourceLine> source,
    List<MatchView> matches,
    List<QueueRow> exceptions) {

  public RecordDetail {
    matches = List.copyOf(matches);
    exceptions = List.copyOf(exceptions);
  }
}
