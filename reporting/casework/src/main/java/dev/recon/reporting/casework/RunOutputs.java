package dev.recon.reporting.casework;

import dev.recon.schemas.BankLine;
import dev.recon.schemas.DeadLetter;
import dev.recon.schemas.ExceptionResolution;
import dev.recon.schemas.ExpectedPayment;
import dev.recon.schemas.Match;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.ReconException;
import java.util.List;
import java.util.Objects;

/**
 * What one reconciliation run (or one streaming batch) produced for a tenant, to be stored by
 * {@link CaseStore#recordRun}.
 *
 * @param runLabel names the run in the audit trail, e.g. {@code reconcile 2026-11-25} or {@code
 *     stream batch 42}; not a key (storing is idempotent by the records' own ids)
 */
public record RunOutputs(
    String tenantId,
    String runLabel,
    List<SourceDocument> documents,
    List<ExpectedPayment> expected,
    List<PaymentEvent> paymentEvents,
    List<BankLine> bankLines,
    List<Match> matches,
    List<ReconException> exceptions,
    List<ExceptionResolution> resolutions,
    List<DeadLetter> deadLetters) {

  public RunOutputs {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(runLabel, "runLabel");
    documents = List.copyOf(documents);
    expected = List.copyOf(expected);
    paymentEvents = List.copyOf(paymentEvents);
    bankLines = List.copyOf(bankLines);
    matches = List.copyOf(matches);
    exceptions = List.copyOf(exceptions);
    resolutions = List.copyOf(resolutions);
    deadLetters = List.copyOf(deadLetters);
  }

  /** A run with only these outputs; the other lists are empty. */
  public static RunOutputs empty(String tenantId, String runLabel) {
    return new RunOutputs(
        tenantId, runLabel, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of());
  }
}
