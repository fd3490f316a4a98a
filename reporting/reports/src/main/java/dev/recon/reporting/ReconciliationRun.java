package dev.recon.reporting;

import dev.recon.ledger.db.JournalLine;
import dev.recon.schemas.DeadLetter;
import dev.recon.schemas.Match;
import dev.recon.schemas.ReconException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything one bounded reconciliation run produced, as the report files need it.
 *
 * @param asOf the instant the run reconciles up to; exception ages are measured against it
 * @param inputs the input files of the run, as named on the command line
 */
public record ReconciliationRun(
    String tenant,
    Instant asOf,
    List<String> inputs,
    List<Match> matches,
    List<ReconException> exceptions,
    List<DeadLetter> deadLetters,
    List<JournalLine> journalLines) {

  public ReconciliationRun {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(asOf, "asOf");
    inputs = List.copyOf(inputs);
    matches = List.copyOf(matches);
    exceptions = List.copyOf(exceptions);
    deadLetters = List.copyOf(deadLetters);
    journalLines = List.copyOf(journalLines);
  }
}
