package dev.recon.app.pipeline;

import java.nio.file.Path;
import java.util.List;

/**
 * What a bounded run did. {@code couldRun} is false only when no input could be read or recognised,
 * or the platform failed: breaks and bad rows are normal results, not failures.
 */
public record ReconcileResult(
    boolean couldRun,
    List<String> problems,
    int filesPublished,
    int matches,
    int exceptions,
    int deadLetters,
    int journalEntriesInRun,
    long newLedgerEntries,
    boolean ledgerBalanced,
    Path outDir) {

  public ReconcileResult {
    problems = List.copyOf(problems);
  }

  static ReconcileResult nothingRan(List<String> problems, Path outDir) {
    return new ReconcileResult(false, problems, 0, 0, 0, 0, 0, 0, true, outDir);
  }
}
