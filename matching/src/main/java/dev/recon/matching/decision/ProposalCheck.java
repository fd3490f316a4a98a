package dev.recon.matching.decision;

import dev.recon.schemas.DecisionKind;
import dev.recon.schemas.ManualDecision;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The limits and rules a step must meet: decisions are typed by people in a UI, so everything is
 * bounded and every problem is a reason, not an exception.
 */
public final class ProposalCheck {

  /** Ids (decision, step, user, match, record) longer than this are refused. */
  public static final int MAX_ID_CHARS = 200;

  /** A comment is required on every step, and read by people: longer ones are refused. */
  public static final int MAX_COMMENT_CHARS = 4_000;

  /** Records one proposal may name. */
  public static final int MAX_RECORDS = 1_000;

  /** Largest write-off: 10^15 minor units, the ledger's own bound on one amount. */
  public static final long MAX_WRITE_OFF_MINOR = 1_000_000_000_000_000L;

  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  private ProposalCheck() {}

  /** What is wrong with any step (proposal, approval, rejection), or empty. */
  static Optional<String> stepProblem(ManualDecision step) {
    Optional<String> ids =
        idProblem("decision_id", step.getDecisionId())
            .or(() -> idProblem("step_id", step.getStepId()))
            .or(() -> idProblem("user_id", step.getUserId()));
    if (ids.isPresent()) {
      return ids;
    }
    String comment = step.getComment();
    if (comment == null || comment.isBlank()) {
      return Optional.of("a comment is required on every step");
    }
    if (comment.length() > MAX_COMMENT_CHARS) {
      return Optional.of("comment longer than " + MAX_COMMENT_CHARS + " characters");
    }
    return Optional.empty();
  }

  /** What is wrong with a proposal's content, or empty. */
  static Optional<String> proposalProblem(ManualDecision proposal) {
    DecisionKind kind = proposal.getKind();
    if (kind == null) {
      return Optional.of("a proposal must name its kind (MATCH, UNMATCH or WRITE_OFF)");
    }
    Optional<String> records = recordsProblem(proposal);
    if (records.isPresent()) {
      return records;
    }
    String exceptionId = proposal.getExceptionId();
    if (exceptionId != null && exceptionId.length() > MAX_ID_CHARS) {
      return Optional.of("exception_id longer than " + MAX_ID_CHARS + " characters");
    }
    int count = proposal.getRecords() == null ? 0 : proposal.getRecords().size();
    return switch (kind) {
      case MATCH ->
          count >= 2
              ? Optional.empty()
              : Optional.of("a manual match needs at least two records, got " + count);
      case WRITE_OFF -> writeOffProblem(proposal, count);
      case UNMATCH -> idProblem("match_id", proposal.getMatchId());
    };
  }

  static boolean isCurrency(String code) {
    return code != null && CURRENCY.matcher(code).matches();
  }

  private static Optional<String> writeOffProblem(ManualDecision proposal, int count) {
    if (count != 1) {
      return Optional.of("a write-off names exactly one record (the break), got " + count);
    }
    Long amount = proposal.getAmountMinor();
    if (amount == null || amount <= 0) {
      return Optional.of("a write-off needs amount_minor > 0, got " + amount);
    }
    if (amount > MAX_WRITE_OFF_MINOR) {
      return Optional.of("write-off amount beyond " + MAX_WRITE_OFF_MINOR + ": " + amount);
    }
    if (!isCurrency(proposal.getCurrency())) {
      return Optional.of("a write-off needs an ISO 4217 currency, got " + proposal.getCurrency());
    }
    return bookedAgainstProblem(proposal);
  }

  /**
   * The ledger books a written-off PSP transaction against the PSP's receivable and a written-off
   * bank line against the bank account: a write-off that does not say which cannot be booked.
   */
  private static Optional<String> bookedAgainstProblem(ManualDecision proposal) {
    RecordRef record = RecordRef.parse(proposal.getRecords().get(0)).orElseThrow();
    return switch (record.kind()) {
      case PSP_TXN -> idProblem("psp (of a written-off PSP_TXN)", proposal.getPsp());
      case BANK_LINE ->
          idProblem("bank_account (of a written-off BANK_LINE)", proposal.getBankAccount());
      default -> Optional.empty();
    };
  }

  private static Optional<String> recordsProblem(ManualDecision proposal) {
    if (proposal.getRecords() == null) {
      return Optional.empty();
    }
    if (proposal.getRecords().size() > MAX_RECORDS) {
      return Optional.of("more than " + MAX_RECORDS + " records");
    }
    Set<String> seen = new HashSet<>();
    for (String ref : proposal.getRecords()) {
      if (ref == null || ref.length() > MAX_ID_CHARS + "BANK_LINE:".length()) {
        return Optional.of("record reference missing or too long");
      }
      if (RecordRef.parse(ref).isEmpty()) {
        return Optional.of(
            "record "
                + ref
                + " is not RECORD_KIND:record_id (EXPECTED, PSP_TXN, PAYOUT, BANK_LINE)");
      }
      if (!seen.add(ref)) {
        return Optional.of("record " + ref + " named twice");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> idProblem(String field, String value) {
    if (value == null || value.isBlank()) {
      return Optional.of(field + " is required");
    }
    if (value.length() > MAX_ID_CHARS) {
      return Optional.of(field + " longer than " + MAX_ID_CHARS + " characters");
    }
    return Optional.empty();
  }
}
