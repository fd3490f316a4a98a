package dev.recon.matching;

import dev.recon.schemas.DecisionAction;
import dev.recon.schemas.DecisionKind;
import dev.recon.schemas.ManualDecision;
import java.time.Instant;
import java.util.List;

/** Manual decision steps for tests, in the shape the UI writes them. */
public final class SampleDecisions {

  public static final String TENANT = SampleRecords.TENANT;

  /** The PSP a written-off PSP transaction is booked against. */
  public static final String PSP = "adyen";

  /** The account a written-off bank line is booked against. */
  public static final String BANK_ACCOUNT = "NL91ABNA0417164300";

  private SampleDecisions() {}

  public static ManualDecision proposeMatch(
      String decisionId, String user, String at, String... records) {
    return base(decisionId, decisionId + ":propose", DecisionAction.PROPOSE, user, at)
        .setKind(DecisionKind.MATCH)
        .setRecords(List.of(records))
        .setCurrency("EUR")
        .build();
  }

  public static ManualDecision proposeWriteOff(
      String decisionId, String user, String at, String record, long amountMinor, String currency) {
    return base(decisionId, decisionId + ":propose", DecisionAction.PROPOSE, user, at)
        .setKind(DecisionKind.WRITE_OFF)
        .setRecords(List.of(record))
        .setAmountMinor(amountMinor)
        .setCurrency(currency)
        .setExceptionId("x-0123456789abcdef0123456789abcdef")
        .setPsp(record.startsWith("PSP_TXN:") ? PSP : null)
        .setBankAccount(record.startsWith("BANK_LINE:") ? BANK_ACCOUNT : null)
        .build();
  }

  public static ManualDecision proposeUnmatch(
      String decisionId, String user, String at, String matchId) {
    return base(decisionId, decisionId + ":propose", DecisionAction.PROPOSE, user, at)
        .setKind(DecisionKind.UNMATCH)
        .setMatchId(matchId)
        .build();
  }

  public static ManualDecision approve(String decisionId, String stepId, String user, String at) {
    return base(decisionId, stepId, DecisionAction.APPROVE, user, at).build();
  }

  public static ManualDecision reject(String decisionId, String stepId, String user, String at) {
    return base(decisionId, stepId, DecisionAction.REJECT, user, at).build();
  }

  /** The same step with something changed, built from a copy. */
  public static ManualDecision.Builder copy(ManualDecision step) {
    return ManualDecision.newBuilder(step);
  }

  private static ManualDecision.Builder base(
      String decisionId, String stepId, DecisionAction action, String user, String at) {
    return ManualDecision.newBuilder()
        .setDecisionId(decisionId)
        .setStepId(stepId)
        .setTenantId(TENANT)
        .setAction(action)
        .setComment(action + " by " + user + ": checked against the bank statement")
        .setUserId(user)
        .setDecidedAt(Instant.parse(at));
  }
}
