package dev.recon.app.pipeline;

import dev.recon.reporting.casework.CaseStore;
import dev.recon.reporting.casework.RecordRunResult;
import dev.recon.reporting.casework.RunOutputs;
import dev.recon.reporting.casework.SourceDocument;
import dev.recon.schemas.BankLine;
import dev.recon.schemas.DeadLetter;
import dev.recon.schemas.ExceptionResolution;
import dev.recon.schemas.ExpectedPayment;
import dev.recon.schemas.Match;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.Provenance;
import dev.recon.schemas.RawRecord;
import dev.recon.schemas.ReconException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Puts what a bounded run produced into the casework store, where finance users work it in the UI:
 * the original inputs as received (so an exception drills down to its source line), the canonical
 * records, matches, exceptions, resolutions and dead letters. Storing is idempotent by the records'
 * own ids, so a rerun over the same input changes nothing.
 */
final class CaseworkRecorder {
  private final CaseStore store;

  CaseworkRecorder(CaseStore store) {
    this.store = store;
  }

  /**
   * @param observer shown the outputs once they are stored
   */
  RecordRunResult record(
      Consumer<RunOutputs> observer,
      String tenant,
      String runLabel,
      TopicReader reader,
      RunTopics topics,
      List<Match> matches,
      List<ReconException> exceptions,
      List<DeadLetter> deadLetters) {
    List<SourceDocument> documents = new ArrayList<>();
    for (RawRecord raw : reader.readAll(topics.raw(), RawRecord.class)) {
      if (tenant.equals(raw.getProvenance().getTenantId())) {
        documents.add(documentOf(raw));
      }
    }
    RunOutputs outputs =
        new RunOutputs(
            tenant,
            runLabel,
            documents,
            reader.readAll(topics.expected(), ExpectedPayment.class),
            reader.readAll(topics.payments(), PaymentEvent.class),
            reader.readAll(topics.bank(), BankLine.class),
            matches,
            exceptions,
            reader.readAll(topics.resolutions(), ExceptionResolution.class),
            deadLetters);
    RecordRunResult stored = store.recordRun(outputs);
    observer.accept(outputs);
    return stored;
  }

  /**
   * A raw record's payload as the casework store keeps it; the store applies its own size cap
   * (metadata without content above it), so nothing is left out here.
   */
  static SourceDocument documentOf(RawRecord raw) {
    Provenance p = raw.getProvenance();
    ByteBuffer b = raw.getPayload().duplicate();
    byte[] content = new byte[b.remaining()];
    b.get(content);
    return new SourceDocument(p.getSource(), p.getFileName(), p.getReceivedAt(), content);
  }
}
