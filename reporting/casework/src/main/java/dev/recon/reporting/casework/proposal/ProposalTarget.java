package dev.recon.reporting.casework.proposal;

import dev.recon.schemas.DecisionKind;
import java.util.List;
import java.util.Objects;

/**
 * What a proposal is about. A write-off names a break; its record, amount (the amount at risk
 * unless given), currency and the PSP or bank account it is booked against are taken from the
 * stored break and record. A manual match names two or more records ({@code KIND:id}) and
 * optionally the break it resolves; an unmatch names a match.
 */
public record ProposalTarget(
    DecisionKind kind, List<String> records, String exceptionId, String matchId, Long amountMinor) {

  public ProposalTarget {
    Objects.requireNonNull(kind, "kind");
    records = List.copyOf(records);
  }

  /** Writes off the whole amount at risk of the break. */
  public static ProposalTarget writeOff(String exceptionId) {
    return new ProposalTarget(DecisionKind.WRITE_OFF, List.of(), exceptionId, null, null);
  }

  /** Writes off part of the break: {@code amountMinor} > 0, in the break's currency. */
  public static ProposalTarget writeOff(String exceptionId, long amountMinor) {
    return new ProposalTarget(DecisionKind.WRITE_OFF, List.of(), exceptionId, null, amountMinor);
  }

  /**
   * @param records two or more {@code KIND:id} references
   * @param exceptionId the break the match resolves, or null
   */
  public static ProposalTarget match(List<String> records, String exceptionId) {
    return new ProposalTarget(DecisionKind.MATCH, records, exceptionId, null, null);
  }

  public static ProposalTarget unmatch(String matchId) {
    return new ProposalTarget(DecisionKind.UNMATCH, List.of(), null, matchId, null);
  }
}
