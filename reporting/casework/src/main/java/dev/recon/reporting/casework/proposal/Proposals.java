package dev.recon.reporting.casework.proposal;

import dev.recon.ledger.db.JournalLine;
import dev.recon.ledger.db.LedgerQueries;
import dev.recon.ledger.db.LedgerWriter;
import dev.recon.ledger.db.WriteResult;
import dev.recon.ledger.posting.PostingRules;
import dev.recon.ledger.posting.PostingTable;
import dev.recon.matching.decision.ApprovedDecision;
import dev.recon.matching.decision.DecisionFile;
import dev.recon.matching.decision.DecisionMatches;
import dev.recon.matching.decision.DecisionResolutions;
import dev.recon.matching.decision.DecisionTransition;
import dev.recon.matching.decision.FourEyesRule;
import dev.recon.matching.decision.ProposalCheck;
import dev.recon.matching.decision.StepOutcome;
import dev.recon.matching.decision.StepVerdict;
import dev.recon.matching.model.BreakResolution;
import dev.recon.reporting.casework.CaseStore;
import dev.recon.reporting.casework.TenantTransactions;
import dev.recon.reporting.casework.audit.AuditDetail;
import dev.recon.reporting.casework.audit.AuditTrail;
import dev.recon.reporting.casework.proposal.ProposalOutcome.Status;
import dev.recon.schemas.DecisionAction;
import dev.recon.schemas.DecisionKind;
import dev.recon.schemas.JournalEntry;
import dev.recon.schemas.ManualDecision;
import dev.recon.schemas.Match;
import dev.recon.schemas.Posting;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Manual match, unmatch and write-off proposals under four eyes: a proposal takes effect only once
 * a second, different person approves it. Java refuses a same-user decision as a value ({@link
 * Status#SAME_USER}); the database refuses it too (CHECK and trigger on {@code
 * casework.proposals}).
 *
 * <p>The steps are folded by the matching module's own {@link FourEyesRule} and an approval becomes
 * a match by its {@link DecisionMatches}, so the {@link ManualDecision} values returned here, once
 * published on the decisions topic, make the matching job reach the same result: the same decision
 * match id, hence the same journal entry id and resolution id, which the idempotent ledger and case
 * store then skip. An approved WRITE_OFF is booked here at once (the ledger's {@link
 * LedgerWriter}); MATCH and UNMATCH are booked by the matching job from the published decision.
 *
 * <p>Roles (who may propose, who may approve) are the web layer's job.
 */
public final class Proposals {

  private static final Logger LOG = LoggerFactory.getLogger(Proposals.class);

  public static final String ACTOR_LEDGER = "system:casework";
  public static final String PROPOSED = "PROPOSAL_CREATED";
  public static final String APPROVED = "PROPOSAL_APPROVED";
  public static final String REJECTED = "PROPOSAL_REJECTED";
  public static final String REFUSED = "DECISION_REFUSED";
  public static final String BOOKED = "LEDGER_BOOKED";
  public static final String BOOKING_FAILED = "LEDGER_BOOKING_FAILED";

  /** The comment an approval carries when the approver gives none (every step needs one). */
  public static final String DEFAULT_APPROVAL_COMMENT = "approved";

  private final TenantTransactions transactions;
  private final Clock clock;
  private final PostingRules rules;
  private final LedgerWriter ledger;
  private final LedgerQueries ledgerQueries;

  /** Books by the default posting table, as the app's matching job does. */
  public Proposals(DataSource appDataSource, Clock clock) {
    this(appDataSource, clock, PostingRules.with(PostingTable.defaultTable()));
  }

  /**
   * @param appDataSource connects as a login of the application role (casework and ledger)
   * @param rules the tenant's posting rules, the same the ledger path books with
   */
  public Proposals(DataSource appDataSource, Clock clock, PostingRules rules) {
    this.transactions = new TenantTransactions(appDataSource);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.rules = Objects.requireNonNull(rules, "rules");
    this.ledger = new LedgerWriter(appDataSource);
    this.ledgerQueries = new LedgerQueries(appDataSource);
  }

  public ProposalOutcome propose(
      String tenantId, String userId, ProposalTarget target, String comment) {
    Optional<String> problem = stepProblem(userId, comment);
    if (problem.isPresent()) {
      return ProposalOutcome.refused(Status.INVALID, null, problem.get());
    }
    Instant now = now();
    return transactions.inTenant(
        tenantId,
        c -> {
          Draft draft = draft(c, tenantId, target);
          if (draft.refusal != null) {
            return draft.refusal;
          }
          ProposalView view =
              new ProposalView(
                  tenantId,
                  "p-" + UUID.randomUUID(),
                  target.kind(),
                  draft.records,
                  target.exceptionId(),
                  target.matchId(),
                  draft.amountMinor,
                  draft.currency,
                  draft.psp,
                  draft.bankAccount,
                  comment,
                  userId,
                  now,
                  ProposalState.PROPOSED,
                  null,
                  null,
                  null);
          ManualDecision step = view.proposeStep();
          StepVerdict verdict = FourEyesRule.apply(DecisionFile.EMPTY, step).verdicts().get(0);
          if (verdict.outcome() != StepOutcome.PROPOSED) {
            return ProposalOutcome.refused(Status.INVALID, null, verdict.reason());
          }
          if (view.exceptionId() != null
              && !ProposalRows.where(
                      c,
                      "tenant_id = ? and exception_id = ? and state = 'PROPOSED'",
                      tenantId,
                      view.exceptionId())
                  .isEmpty()) {
            return ProposalOutcome.refused(
                Status.ALREADY_PROPOSED,
                null,
                "break " + view.exceptionId() + " has an open proposal already");
          }
          ProposalRows.insert(c, view);
          audit(c, view, now, userId, PROPOSED, Map.of("comment", comment));
          return new ProposalOutcome(
              Status.PROPOSED,
              Optional.of(view),
              List.of(step),
              Optional.empty(),
              "waiting for a second person");
        });
  }

  public ProposalOutcome approve(String tenantId, String userId, String proposalId) {
    return approve(tenantId, userId, proposalId, DEFAULT_APPROVAL_COMMENT);
  }

  /**
   * Approves the proposal (a different user than its proposer). For a write-off, books the entry in
   * the ledger after the approval commits; if that write fails the approval stands, the outcome
   * says so, and {@link #bookApproved} (or the published decision through the matching job) books
   * it later under the same entry id.
   */
  public ProposalOutcome approve(
      String tenantId, String userId, String proposalId, String comment) {
    Optional<String> problem = stepProblem(userId, comment);
    if (problem.isPresent()) {
      return ProposalOutcome.refused(Status.INVALID, null, problem.get());
    }
    Instant now = now();
    Approval approval =
        transactions.inTenant(
            tenantId,
            c -> {
              Optional<ProposalView> found = ProposalRows.find(c, tenantId, proposalId, true);
              Optional<ProposalOutcome> refusal =
                  refusal(c, found, userId, now, DecisionAction.APPROVE);
              if (refusal.isPresent()) {
                return new Approval(refusal.get(), List.of());
              }
              ProposalView proposal = found.orElseThrow();
              ProposalView decided =
                  decided(proposal, ProposalState.APPROVED, userId, now, comment);
              DecisionTransition t = fold(decided);
              if (t.approved().isEmpty()) {
                return new Approval(
                    ProposalOutcome.refused(Status.INVALID, proposal, lastReason(t)), List.of());
              }
              ApprovedDecision approved = t.approved().get();
              Match booked = DecisionMatches.toMatch(approved);
              List<JournalEntry> entries =
                  proposal.kind() == DecisionKind.WRITE_OFF ? rules.book(booked) : List.of();
              ProposalRows.decide(c, decided);
              boolean resolved = false;
              Optional<BreakResolution> resolution = DecisionResolutions.of(approved, booked);
              if (resolution.isPresent()) {
                resolved = CaseStore.resolveIn(c, tenantId, resolution.get().toAvro());
              }
              Map<String, Object> detail = new LinkedHashMap<>();
              detail.put("comment", comment);
              detail.put("decision_match_id", booked.getMatchId());
              detail.put("ledger_entries", entries.stream().map(JournalEntry::getEntryId).toList());
              detail.put("exception_resolved", resolved);
              audit(c, decided, now, userId, APPROVED, detail);
              return new Approval(
                  new ProposalOutcome(
                      Status.APPROVED,
                      Optional.of(decided),
                      List.of(decided.proposeStep(), decided.decisionStep()),
                      Optional.empty(),
                      "proposed by " + proposal.proposedBy() + ", approved by " + userId),
                  entries);
            });
    if (approval.entries.isEmpty()) {
      return approval.outcome;
    }
    ProposalView decided = approval.outcome.proposal().orElseThrow();
    Optional<WriteResult> written = book(decided, approval.entries);
    return new ProposalOutcome(
        approval.outcome.status(),
        approval.outcome.proposal(),
        approval.outcome.decisions(),
        written,
        written.isPresent()
            ? approval.outcome.reason()
            : approval.outcome.reason()
                + "; the ledger write failed: the published decision or bookApproved books it");
  }

  public ProposalOutcome reject(String tenantId, String userId, String proposalId, String reason) {
    Optional<String> problem = stepProblem(userId, reason);
    if (problem.isPresent()) {
      return ProposalOutcome.refused(Status.INVALID, null, problem.get());
    }
    Instant now = now();
    return transactions.inTenant(
        tenantId,
        c -> {
          Optional<ProposalView> found = ProposalRows.find(c, tenantId, proposalId, true);
          Optional<ProposalOutcome> refusal = refusal(c, found, userId, now, DecisionAction.REJECT);
          if (refusal.isPresent()) {
            return refusal.get();
          }
          ProposalView decided =
              decided(found.orElseThrow(), ProposalState.REJECTED, userId, now, reason);
          ProposalRows.decide(c, decided);
          audit(c, decided, now, userId, REJECTED, Map.of("comment", reason));
          return new ProposalOutcome(
              Status.REJECTED,
              Optional.of(decided),
              List.of(decided.proposeStep(), decided.decisionStep()),
              Optional.empty(),
              "rejected by " + userId);
        });
  }

  /**
   * Books an approved write-off again (after a failed ledger write): the same entry id, so a booked
   * one is skipped. Empty if the proposal is not an approved write-off.
   */
  public Optional<WriteResult> bookApproved(String tenantId, String proposalId) {
    Optional<ProposalView> found = get(tenantId, proposalId);
    if (found.isEmpty()
        || found.get().state() != ProposalState.APPROVED
        || found.get().kind() != DecisionKind.WRITE_OFF) {
      return Optional.empty();
    }
    ProposalView decided = found.get();
    ApprovedDecision approved = new ApprovedDecision(decided.proposeStep(), decided.decisionStep());
    return book(decided, rules.book(DecisionMatches.toMatch(approved)));
  }

  /**
   * What approving the proposal would book: for a write-off the entry of the ledger's posting rules
   * (as if approved now); for an unmatch the mirror of what the ledger holds for the match; for a
   * manual match nothing (the matching job books it by the records' shape).
   */
  public Optional<LedgerEffect> ledgerEffect(String tenantId, String proposalId) {
    return get(tenantId, proposalId).map(this::ledgerEffect);
  }

  public LedgerEffect ledgerEffect(ProposalView proposal) {
    return switch (proposal.kind()) {
      case WRITE_OFF -> {
        ManualDecision approval =
            proposal.step(
                DecisionAction.APPROVE,
                "preview-of:" + proposal.proposedBy(),
                proposal.decidedAt() != null ? proposal.decidedAt() : now(),
                DEFAULT_APPROVAL_COMMENT);
        Match booked =
            DecisionMatches.toMatch(new ApprovedDecision(proposal.proposeStep(), approval));
        yield new LedgerEffect(
            lines(rules.book(booked)), true, "booked in the ledger when a second person approves");
      }
      case UNMATCH -> {
        List<JournalLine> mirrored = new ArrayList<>();
        for (JournalLine line :
            ledgerQueries.journalLines(proposal.tenantId(), List.of(proposal.matchId()))) {
          mirrored.add(
              new JournalLine(
                  line.entryId(),
                  line.bookedAt(),
                  line.account(),
                  line.creditMinor(),
                  line.debitMinor(),
                  line.currency(),
                  "REVERSAL",
                  proposal.matchId()));
        }
        yield new LedgerEffect(
            mirrored,
            false,
            "the mirror of the entries booked for match "
                + proposal.matchId()
                + "; booked by the matching job from the published decision");
      }
      case MATCH ->
          new LedgerEffect(
              List.of(),
              false,
              "a manual match books nothing by itself; the matching job books it from the"
                  + " published decision");
    };
  }

  public Optional<ProposalView> get(String tenantId, String proposalId) {
    return transactions.inTenant(tenantId, c -> ProposalRows.find(c, tenantId, proposalId, false));
  }

  /** Proposals waiting for a decision, oldest first (at most {@value ProposalRows#MAX_LISTED}). */
  public List<ProposalView> pending(String tenantId) {
    return transactions.inTenant(
        tenantId, c -> ProposalRows.where(c, "tenant_id = ? and state = 'PROPOSED'", tenantId));
  }

  /** Every proposal naming the break, inside a caller's tenant transaction. */
  public static List<ProposalView> forExceptionIn(Connection c, String tenantId, String exceptionId)
      throws SQLException {
    return ProposalRows.where(c, "tenant_id = ? and exception_id = ?", tenantId, exceptionId);
  }

  private Optional<WriteResult> book(ProposalView decided, List<JournalEntry> entries) {
    String tenantId = decided.tenantId();
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("proposal_id", decided.proposalId());
    detail.put("ledger_entries", entries.stream().map(JournalEntry::getEntryId).toList());
    try {
      WriteResult result = ledger.write(entries);
      detail.put("entries_inserted", result.entriesInserted());
      detail.put("entries_skipped", result.entriesSkipped());
      detail.put("postings_inserted", result.postingsInserted());
      appendSystem(tenantId, decided, BOOKED, detail);
      return Optional.of(result);
    } catch (RuntimeException e) {
      LOG.warn("booking approved write-off {} failed", decided.proposalId(), e);
      detail.put("error", String.valueOf(e.getMessage()));
      appendSystem(tenantId, decided, BOOKING_FAILED, detail);
      return Optional.empty();
    }
  }

  private void appendSystem(
      String tenantId, ProposalView decided, String action, Map<String, Object> detail) {
    Instant at = now();
    transactions.inTenant(
        tenantId,
        c ->
            AuditTrail.appendIn(
                c,
                tenantId,
                at,
                ACTOR_LEDGER,
                action,
                decided.auditSubject(),
                AuditDetail.json(detail)));
  }

  /** Not found, decided already, the proposer deciding, or past its time: a refusal. */
  private Optional<ProposalOutcome> refusal(
      Connection c, Optional<ProposalView> found, String userId, Instant now, DecisionAction action)
      throws SQLException {
    if (found.isEmpty()) {
      return Optional.of(ProposalOutcome.refused(Status.NOT_FOUND, null, "no such proposal"));
    }
    ProposalView proposal = found.get();
    Status status = null;
    String reason = null;
    if (proposal.state() != ProposalState.PROPOSED) {
      status = Status.ALREADY_DECIDED;
      reason = "the proposal is already " + proposal.state();
    } else if (proposal.proposedBy().equals(userId)) {
      status = Status.SAME_USER;
      reason =
          userId
              + " proposed this and cannot "
              + action.name().toLowerCase(java.util.Locale.ROOT)
              + " it: a second, different person must";
    } else if (!now.isBefore(proposal.proposedAt().plus(FourEyesRule.OPEN_PROPOSAL_TTL))) {
      status = Status.EXPIRED;
      reason = "nobody decided it within " + FourEyesRule.OPEN_PROPOSAL_TTL.toDays() + " days";
    }
    if (status == null) {
      return Optional.empty();
    }
    audit(
        c,
        proposal,
        now,
        userId,
        REFUSED,
        Map.of("attempted", action.name(), "outcome", status.name(), "reason", reason));
    return Optional.of(ProposalOutcome.refused(status, proposal, reason));
  }

  private static ProposalView decided(
      ProposalView p, ProposalState state, String userId, Instant at, String comment) {
    return new ProposalView(
        p.tenantId(),
        p.proposalId(),
        p.kind(),
        p.records(),
        p.exceptionId(),
        p.matchId(),
        p.amountMinor(),
        p.currency(),
        p.psp(),
        p.bankAccount(),
        p.comment(),
        p.proposedBy(),
        p.proposedAt(),
        state,
        userId,
        at,
        comment);
  }

  /** The proposal and its decision folded as the matching job folds them. */
  private static DecisionTransition fold(ProposalView decided) {
    DecisionTransition proposed = FourEyesRule.apply(DecisionFile.EMPTY, decided.proposeStep());
    return FourEyesRule.apply(proposed.next(), decided.decisionStep());
  }

  private static String lastReason(DecisionTransition t) {
    return t.verdicts().isEmpty()
        ? "not approved"
        : t.verdicts().get(t.verdicts().size() - 1).reason();
  }

  private static void audit(
      Connection c, ProposalView p, Instant at, String actor, String action, Map<String, ?> extra)
      throws SQLException {
    Map<String, Object> detail = new LinkedHashMap<>(extra);
    detail.put("proposal_id", p.proposalId());
    detail.put("kind", p.kind().name());
    detail.put("records", p.records());
    if (p.amountMinor() != null) {
      detail.put("amount_minor", p.amountMinor());
      detail.put("currency", p.currency());
    }
    if (p.matchId() != null) {
      detail.put("match_id", p.matchId());
    }
    AuditTrail.appendIn(
        c, p.tenantId(), at, actor, action, p.auditSubject(), AuditDetail.json(detail));
  }

  private static List<JournalLine> lines(List<JournalEntry> entries) {
    List<JournalLine> lines = new ArrayList<>();
    for (JournalEntry e : entries) {
      for (Posting p : e.getPostings()) {
        lines.add(
            new JournalLine(
                e.getEntryId(),
                e.getBookedAt(),
                p.getAccount(),
                p.getDebitMinor(),
                p.getCreditMinor(),
                p.getCurrency(),
                e.getSourceKind(),
                e.getSourceId()));
      }
    }
    return lines;
  }

  private static Optional<String> stepProblem(String userId, String comment) {
    if (userId == null || userId.isBlank() || userId.length() > ProposalCheck.MAX_ID_CHARS) {
      return Optional.of("user id must have 1-" + ProposalCheck.MAX_ID_CHARS + " characters");
    }
    if (comment == null || comment.isBlank()) {
      return Optional.of("a comment is required on every step");
    }
    if (comment.length() > ProposalCheck.MAX_COMMENT_CHARS) {
      return Optional.of("comment longer than " + ProposalCheck.MAX_COMMENT_CHARS + " characters");
    }
    return Optional.empty();
  }

  /** Millisecond precision: the decision steps travel as Avro timestamp-millis. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /** What the stored break and record contribute to a proposal, or why there is none. */
  private static Draft draft(Connection c, String tenantId, ProposalTarget target)
      throws SQLException {
    Draft d = new Draft();
    switch (target.kind()) {
      case WRITE_OFF -> {
        if (target.exceptionId() == null) {
          d.refusal = ProposalOutcome.refused(Status.INVALID, null, "a write-off names a break");
          return d;
        }
        try (PreparedStatement s =
            c.prepareStatement(
                "select e.record_kind, e.record_id, e.amount_at_risk_minor, e.currency, e.state,"
                    + " coalesce(e.psp, r.psp) as psp, r.bank_account"
                    + " from casework.exceptions e left join casework.canonical_records r"
                    + " on r.tenant_id = e.tenant_id and r.record_kind = e.record_kind"
                    + " and r.record_id = e.record_id"
                    + " where e.tenant_id = ? and e.exception_id = ?")) {
          s.setString(1, tenantId);
          s.setString(2, target.exceptionId());
          try (ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
              d.refusal = ProposalOutcome.refused(Status.NOT_FOUND, null, "no such break");
              return d;
            }
            if (!"OPEN".equals(rs.getString("state"))) {
              d.refusal =
                  ProposalOutcome.refused(Status.ALREADY_DECIDED, null, "the break is resolved");
              return d;
            }
            d.records = List.of(rs.getString("record_kind") + ":" + rs.getString("record_id"));
            d.amountMinor =
                target.amountMinor() != null
                    ? target.amountMinor()
                    : Long.valueOf(rs.getLong("amount_at_risk_minor"));
            d.currency = rs.getString("currency");
            d.psp = rs.getString("psp");
            d.bankAccount = rs.getString("bank_account");
          }
        }
      }
      case MATCH -> {
        d.records = target.records();
        if (target.exceptionId() != null && !openBreak(c, tenantId, target.exceptionId())) {
          d.refusal =
              ProposalOutcome.refused(Status.NOT_FOUND, null, "no such open break to resolve");
        }
      }
      case UNMATCH -> {
        if (target.matchId() == null || !matchExists(c, tenantId, target.matchId())) {
          d.refusal = ProposalOutcome.refused(Status.NOT_FOUND, null, "no such match");
        }
      }
    }
    return d;
  }

  private static boolean openBreak(Connection c, String tenantId, String exceptionId)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "select 1 from casework.exceptions where tenant_id = ? and exception_id = ?"
                + " and state = 'OPEN'")) {
      s.setString(1, tenantId);
      s.setString(2, exceptionId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static boolean matchExists(Connection c, String tenantId, String matchId)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("select 1 from casework.matches where tenant_id = ? and match_id = ?")) {
      s.setString(1, tenantId);
      s.setString(2, matchId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static final class Draft {
    List<String> records = List.of();
    Long amountMinor;
    String currency;
    String psp;
    String bankAccount;
    ProposalOutcome refusal;
  }

  private record Approval(ProposalOutcome outcome, List<JournalEntry> entries) {}
}
