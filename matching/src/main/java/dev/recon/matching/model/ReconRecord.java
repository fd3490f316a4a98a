package dev.recon.matching.model;

import dev.recon.schemas.MatchMember;
import dev.recon.schemas.RecordKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** One canonical record as the matching rules see it, whatever its source. */
public sealed interface ReconRecord permits Expectation, PspTransaction, Payout, StatementLine {

  /**
   * The one order every rule uses to choose among candidates, so a decision never depends on the
   * order in which records arrived.
   */
  Comparator<ReconRecord> CHRONOLOGICAL =
      Comparator.comparing(ReconRecord::eventTime).thenComparing(ReconRecord::recordId);

  /** A copy of the records in {@link #CHRONOLOGICAL} order. */
  static <T extends ReconRecord> List<T> chronological(Collection<T> records) {
    List<T> copy = new ArrayList<>(records);
    copy.sort(CHRONOLOGICAL);
    return copy;
  }

  /** The latest event time among the records; used when a key is decided early. */
  static Instant latest(
      Collection<? extends ReconRecord> some, Collection<? extends ReconRecord> others) {
    Instant latest = Instant.MIN;
    for (ReconRecord r : some) {
      latest = r.eventTime().isAfter(latest) ? r.eventTime() : latest;
    }
    for (ReconRecord r : others) {
      latest = r.eventTime().isAfter(latest) ? r.eventTime() : latest;
    }
    if (latest.equals(Instant.MIN)) {
      throw new IllegalArgumentException("no records");
    }
    return latest;
  }

  String tenantId();

  RecordKind recordKind();

  /** The id that appears in matches.csv for this record kind. */
  String recordId();

  Instant eventTime();

  /**
   * The correlation id of the delivery (webhook, file, mail) the record came in, from its
   * provenance; null when unknown. Carried onto match members so a journal entry names them.
   */
  String correlationId();

  /** What the posting rules need to book this record when it takes part in a match. */
  MatchMember toMember();
}
