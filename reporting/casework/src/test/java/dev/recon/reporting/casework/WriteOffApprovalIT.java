package dev.recon.reporting.casework;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.ledger.db.JournalLine;
import dev.recon.ledger.db.LedgerQueries;
import dev.recon.ledger.db.LedgerWriter;
import dev.recon.ledger.db.WriteResult;
import dev.recon.ledger.posting.PostingRules;
import dev.recon.matching.decision.DecisionFile;
import dev.recon.matching.decision.DecisionMatches;
import dev.recon.matching.decision.DecisionResolutions;
import dev.recon.matching.decision.DecisionTransition;
import dev.recon.matching.decision.FourEyesRule;
import dev.recon.matching.model.BreakResolution;
import dev.recon.matching.model.DeterministicIds;
import dev.recon.reporting.AgeingBucket;
import dev.recon.reporting.casework.audit.AuditEvent;
import dev.recon.reporting.casework.audit.AuditTrail;
import dev.recon.reporting.casework.dashboard.Dashboard;
import dev.recon.reporting.casework.dashboard.DashboardFigures;
import dev.recon.reporting.casework.proposal.LedgerEffect;
import dev.recon.reporting.casework.proposal.ProposalOutcome;
import dev.recon.reporting.casework.proposal.ProposalOutcome.Status;
import dev.recon.reporting.casework.proposal.ProposalState;
import dev.recon.reporting.casework.proposal.ProposalTarget;
import dev.recon.reporting.casework.proposal.Proposals;
import dev.recon.reporting.casework.queue.ExceptionDetail;
import dev.recon.reporting.casework.queue.ExceptionQueue;
import dev.recon.reporting.casework.queue.ExceptionState;
import dev.recon.reporting.casework.queue.QueueFilter;
import dev.recon.reporting.casework.queue.QueueRow;
import dev.recon.reporting.casework.queue.QueueSort;
import dev.recon.schemas.DecisionAction;
import dev.recon.schemas.ManualDecision;
import dev.recon.schemas.Match;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The "done when": from the dashboard to a break, its source line, a write-off proposed by
 * one user and approved by another, and the ledger and the audit trail show both steps.
 */
class WriteOffApprovalIT extends WithDatabase {

  private static final String TENANT = "acme";

  @Test
  void fromTheDashboardToABookedWriteOff() {
    new CaseStore(app(), CLOCK).recordRun(Fixtures.run(TENANT));

    DashboardFigures figures =
        new Dashboard(app(), CLOCK)
            .figures(TENANT, LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-25"));
    assertThat(figures.openAtRisk())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.currency()).isEqualTo("EUR");
              assertThat(a.count()).isEqualTo(2);
              assertThat(a.amountAtRiskMinor()).isEqualTo(6_500);
            });
    assertThat(figures.ageing())
        .extracting(DashboardFigures.AgeingFigure::bucket)
        .containsExactly(AgeingBucket.DAYS_0_1, AgeingBucket.DAYS_8_30);
    assertThat(figures.fees())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.psp()).isEqualTo("adyen");
              assertThat(f.feeMinor()).isEqualTo(190);
            });
    assertThat(figures.matchRates())
        .extracting(r -> r.day() + " " + r.rate().matched() + "/" + r.rate().considered())
        .containsExactly("2026-11-10 0/1", "2026-11-19 2/2", "2026-11-24 0/1");
    assertThat(figures.due())
        .singleElement()
        .satisfies(d -> assertThat(d.dueStatus()).isEqualTo(Dashboard.DUE_UNKNOWN));
    assertThat(figures.deadLetters()).isEqualTo(1);

    ExceptionQueue queue = new ExceptionQueue(app(), CLOCK);
    QueueRow row =
        queue
            .page(
                TENANT,
                QueueFilter.open().withReason("MISSING_EXPECTED"),
                QueueSort.AMOUNT,
                null,
                50)
            .rows()
            .get(0);
    ExceptionDetail detail = queue.detail(TENANT, row.exceptionId()).orElseThrow();
    assertThat(detail.source().orElseThrow().text())
        .contains("PSP-2,ORDER-2,Settled,25.00,0.40,EUR");

    Proposals proposals = new Proposals(app(), CLOCK);
    ProposalOutcome proposed =
        proposals.propose(
            TENANT, "alice", ProposalTarget.writeOff(row.exceptionId()), "fee dispute lost");
    assertThat(proposed.status()).isEqualTo(Status.PROPOSED);
    String id = proposed.proposal().orElseThrow().proposalId();
    assertThat(proposed.decisions())
        .extracting(ManualDecision::getAction)
        .containsExactly(DecisionAction.PROPOSE);
    assertThat(
            proposals
                .propose(TENANT, "carol", ProposalTarget.writeOff(row.exceptionId()), "again")
                .status())
        .isEqualTo(Status.ALREADY_PROPOSED);

    LedgerEffect effect = proposals.ledgerEffect(TENANT, id).orElseThrow();
    assertThat(effect.bookedHere()).isTrue();
    assertThat(effect.lines())
        .extracting(l -> l.account() + " " + l.debitMinor() + "/" + l.creditMinor())
        .containsExactlyInAnyOrder("write_offs 2500/0", "psp_receivable:adyen 0/2500");

    ProposalOutcome sameUser = proposals.approve(TENANT, "alice", id);
    assertThat(sameUser.status()).isEqualTo(Status.SAME_USER);
    assertThat(proposals.get(TENANT, id).orElseThrow().state()).isEqualTo(ProposalState.PROPOSED);

    ProposalOutcome approved = proposals.approve(TENANT, "bob", id, "agreed, write it off");
    assertThat(approved.status()).isEqualTo(Status.APPROVED);
    WriteResult written = approved.ledgerWrite().orElseThrow();
    assertThat(written.entriesInserted()).isEqualTo(1);
    assertThat(approved.decisions())
        .extracting(ManualDecision::getAction)
        .containsExactly(DecisionAction.PROPOSE, DecisionAction.APPROVE);

    String decisionMatchId = DeterministicIds.decisionMatchId(TENANT, id);
    LedgerQueries ledger = new LedgerQueries(app());
    List<JournalLine> booked = ledger.journalLines(TENANT, List.of(decisionMatchId));
    assertThat(booked)
        .extracting(l -> l.account() + " " + l.debitMinor() + "/" + l.creditMinor())
        .containsExactlyInAnyOrderElementsOf(
            effect.lines().stream()
                .map(l -> l.account() + " " + l.debitMinor() + "/" + l.creditMinor())
                .toList());
    assertThat(booked)
        .allSatisfy(l -> assertThat(l.entryId()).isEqualTo(effect.lines().get(0).entryId()));
    assertThat(ledger.unbalancedEntries(TENANT)).isEmpty();

    ExceptionDetail after = queue.detail(TENANT, row.exceptionId()).orElseThrow();
    assertThat(after.exception().state()).isEqualTo(ExceptionState.RESOLVED);
    assertThat(after.exception().resolutionKind()).isEqualTo("WRITE_OFF");
    assertThat(after.proposals())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.proposedBy()).isEqualTo("alice");
              assertThat(p.decidedBy()).isEqualTo("bob");
            });
    assertThat(after.auditEvents())
        .extracting(AuditEvent::actor, AuditEvent::action)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("alice", Proposals.PROPOSED),
            org.assertj.core.groups.Tuple.tuple("alice", Proposals.REFUSED),
            org.assertj.core.groups.Tuple.tuple("bob", Proposals.APPROVED),
            org.assertj.core.groups.Tuple.tuple(Proposals.ACTOR_LEDGER, Proposals.BOOKED));
    assertThat(new AuditTrail(app(), CLOCK).verify(TENANT).intact()).isTrue();

    // a second approval is refused, and books nothing
    ProposalOutcome twice = proposals.approve(TENANT, "carol", id);
    assertThat(twice.status()).isEqualTo(Status.ALREADY_DECIDED);
    assertThat(ledger.entryCount(TENANT)).isEqualTo(1);
    assertThat(proposals.bookApproved(TENANT, id).orElseThrow().entriesSkipped()).isEqualTo(1);

    // the published steps replayed through the streaming path's own code book nothing twice
    DecisionTransition t = FourEyesRule.apply(DecisionFile.EMPTY, approved.decisions().get(0));
    t = FourEyesRule.apply(t.next(), approved.decisions().get(1));
    Match replayed = DecisionMatches.toMatch(t.approved().orElseThrow());
    assertThat(replayed.getMatchId()).isEqualTo(decisionMatchId);
    WriteResult replay = new LedgerWriter(app()).write(PostingRules.entriesFor(replayed));
    assertThat(replay.entriesInserted()).isZero();
    assertThat(replay.entriesSkipped()).isEqualTo(1);
    BreakResolution resolution = DecisionResolutions.of(t.approved().get(), replayed).orElseThrow();
    RunOutputs streamed =
        new RunOutputs(
            TENANT,
            "stream",
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(resolution.toAvro()),
            List.of());
    assertThat(new CaseStore(app(), CLOCK).recordRun(streamed).changedAnything()).isFalse();
  }

  @Test
  void aRejectionBooksNothingAndLeavesTheBreakOpen() {
    String tenant = "reject";
    new CaseStore(app(), CLOCK).recordRun(Fixtures.run(tenant));
    Proposals proposals = new Proposals(app(), CLOCK);
    String id =
        proposals
            .propose(tenant, "alice", ProposalTarget.writeOff("x-e3", 1_000), "partial")
            .proposal()
            .orElseThrow()
            .proposalId();
    assertThat(proposals.reject(tenant, "alice", id, "withdrawn").status())
        .isEqualTo(Status.SAME_USER);
    ProposalOutcome rejected = proposals.reject(tenant, "bob", id, "not yet");
    assertThat(rejected.status()).isEqualTo(Status.REJECTED);
    assertThat(rejected.decisions())
        .extracting(ManualDecision::getAction)
        .containsExactly(DecisionAction.PROPOSE, DecisionAction.REJECT);
    assertThat(proposals.approve(tenant, "carol", id).status()).isEqualTo(Status.ALREADY_DECIDED);
    assertThat(new LedgerQueries(app()).entryCount(tenant)).isZero();
    assertThat(
            new ExceptionQueue(app(), CLOCK)
                .detail(tenant, "x-e3")
                .orElseThrow()
                .exception()
                .state())
        .isEqualTo(ExceptionState.OPEN);
  }

  @Test
  void invalidProposalsAreValues() {
    String tenant = "invalid";
    new CaseStore(app(), CLOCK).recordRun(Fixtures.run(tenant));
    Proposals proposals = new Proposals(app(), CLOCK);
    assertThat(proposals.propose(tenant, "alice", ProposalTarget.writeOff("nope"), "x").status())
        .isEqualTo(Status.NOT_FOUND);
    assertThat(proposals.propose(tenant, "alice", ProposalTarget.writeOff("x-e3"), " ").status())
        .isEqualTo(Status.INVALID);
    assertThat(
            proposals
                .propose(tenant, "alice", ProposalTarget.match(List.of("PSP_TXN:PSP-2"), null), "x")
                .status())
        .isEqualTo(Status.INVALID);
    assertThat(proposals.propose(tenant, "alice", ProposalTarget.unmatch("m-none"), "x").status())
        .isEqualTo(Status.NOT_FOUND);
    ProposalOutcome unmatch =
        proposals.propose(tenant, "alice", ProposalTarget.unmatch("m-1"), "wrong");
    assertThat(unmatch.status()).isEqualTo(Status.PROPOSED);
    assertThat(proposals.ledgerEffect(unmatch.proposal().orElseThrow()).bookedHere()).isFalse();
    assertThat(proposals.approve(tenant, "nobody", "p-missing").status())
        .isEqualTo(Status.NOT_FOUND);
  }

  @Test
  void aManualMatchApprovalResolvesTheBreakAndLeavesBookingToTheMatchingJob() {
    String tenant = "manual";
    new CaseStore(app(), CLOCK).recordRun(Fixtures.run(tenant));
    Proposals proposals = new Proposals(app(), CLOCK);
    String id =
        proposals
            .propose(
                tenant,
                "alice",
                ProposalTarget.match(List.of("EXPECTED:E-3", "PSP_TXN:PSP-2"), "x-e3"),
                "same customer, reference typo")
            .proposal()
            .orElseThrow()
            .proposalId();
    ProposalOutcome approved = proposals.approve(tenant, "bob", id);
    assertThat(approved.status()).isEqualTo(Status.APPROVED);
    assertThat(approved.ledgerWrite()).isEmpty();
    assertThat(approved.decisions().get(0).getRecords())
        .containsExactly("EXPECTED:E-3", "PSP_TXN:PSP-2");
    assertThat(new LedgerQueries(app()).entryCount(tenant)).isZero();
    assertThat(
            new ExceptionQueue(app(), CLOCK)
                .detail(tenant, "x-e3")
                .orElseThrow()
                .exception()
                .resolutionKind())
        .isEqualTo("MANUAL_MATCH");
  }
}
