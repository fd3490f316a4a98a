package dev.recon.normalization.mt940;

import dev.recon.normalization.money.MinorSum;
import java.util.Objects;

/** What is known about one MT940 message (one :20: to the next) while its fields stream past. */
final class StatementState {
  final int ordinal;
  final int line;
  final String reference;
  String account;
  String sequence;
  SwiftBalance opening;
  SwiftBalance closing;
  boolean openingUnreadable;
  final MinorSum booked = new MinorSum();
  private String id;
  private String idSequence;
  private SwiftBalance idOpening;

  StatementState(int ordinal, int line, String reference) {
    this.ordinal = ordinal;
    this.line = line;
    this.reference = reference;
  }

  /**
   * :20: and :28C: alone repeat across days at some banks (Rabobank sends the same reference and
   * sequence 0 every day), so the opening balance date makes the id unique and still deterministic.
   */
  String statementId() {
    // Asked once per statement line: built again only when the sequence or opening changed.
    if (id == null
        || !Objects.equals(sequence, idSequence)
        || !Objects.equals(opening, idOpening)) {
      id = buildId();
      idSequence = sequence;
      idOpening = opening;
    }
    return id;
  }

  private String buildId() {
    StringBuilder id = new StringBuilder(reference);
    if (sequence != null && !sequence.isEmpty()) {
      id.append('/').append(sequence);
    }
    if (opening != null) {
      id.append('/').append(opening.date());
    }
    return id.toString();
  }
}
