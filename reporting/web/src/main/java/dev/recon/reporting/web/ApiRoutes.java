package dev.recon.reporting.web;

import dev.recon.ledger.db.LedgerQueries;
import dev.recon.reporting.access.ApiPrincipal;
import dev.recon.reporting.access.Permission;
import dev.recon.reporting.casework.proposal.ProposalOutcome;
import dev.recon.reporting.casework.proposal.ProposalTarget;
import dev.recon.reporting.casework.proposal.Proposals;
import dev.recon.reporting.casework.queue.ExceptionQueue;
import dev.recon.schemas.ManualDecision;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ConflictResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The JSON API under {@value WebServer#API_PREFIX}: the same reads and actions as the pages. */
final class ApiRoutes {

  static final String TENANT = WebServer.API_PREFIX + "/tenants/{tenant}";

  private final LedgerQueries ledger;
  private final JournalSearch journal;
  private final ExceptionQueue queue;
  private final Proposals proposals;
  private final Consumer<List<ManualDecision>> decisions;
  private final Clock clock;

  ApiRoutes(
      LedgerQueries ledger,
      JournalSearch journal,
      ExceptionQueue queue,
      Proposals proposals,
      Consumer<List<ManualDecision>> decisions,
      Clock clock) {
    this.ledger = ledger;
    this.journal = journal;
    this.queue = queue;
    this.proposals = proposals;
    this.decisions = decisions;
    this.clock = clock;
  }

  List<ApiRoute> routes() {
    return List.of(
        new ApiRoute(
            HandlerType.GET,
            TENANT + "/whoami",
            Permission.READ,
            "The key's user, tenant, role and scopes",
            List.of(),
            List.of(),
            (ctx, p) ->
                Map.of(
                    "user", p.username(),
                    "tenant", p.tenantId(),
                    "role", p.role().name(),
                    "scopes", p.scopes())),
        new ApiRoute(
            HandlerType.GET,
            TENANT + "/ledger/trial-balance",
            Permission.READ,
            "Trial balance (debit and credit totals per account and currency) as of the end of a"
                + " UTC day, today by default; amounts in minor units",
            List.of("asOf"),
            List.of(),
            (ctx, p) -> {
              LocalDate asOf =
                  LedgerPages.date(ctx, "asOf", LocalDate.now(clock.withZone(ZoneOffset.UTC)));
              return Map.of(
                  "asOf", asOf.toString(),
                  "lines", ledger.trialBalanceAsOf(p.tenantId(), LedgerPages.endOf(asOf)));
            }),
        new ApiRoute(
            HandlerType.GET,
            TENANT + "/ledger/journal",
            Permission.READ,
            "Journal lines by source id, account (whole entries touching it) and booking dates,"
                + " newest first, "
                + JournalQuery.PAGE_SIZE
                + " per page",
            List.of("sourceId", "account", "from", "to", "page"),
            List.of(),
            (ctx, p) -> journal.search(p.tenantId(), LedgerPages.query(ctx))),
        new ApiRoute(
            HandlerType.GET,
            TENANT + "/exceptions",
            Permission.READ,
            "The exception queue: filtered, searched, sorted, paged by token (after)",
            List.of("state", "reason", "psp", "currency", "assignee", "age", "q", "sort", "after"),
            List.of(),
            (ctx, p) -> {
              try {
                return queue.page(
                    p.tenantId(),
                    CaseworkPages.filter(ctx),
                    CaseworkPages.sort(ctx),
                    CaseworkPages.param(ctx, "after"),
                    ExceptionQueue.DEFAULT_PAGE_SIZE);
              } catch (IllegalArgumentException e) {
                throw new BadRequestResponse(e.getMessage());
              }
            }),
        new ApiRoute(
            HandlerType.GET,
            TENANT + "/exception",
            Permission.READ,
            "One break with its record, source line, matches, comments, proposals and audit",
            List.of("id"),
            List.of(),
            (ctx, p) ->
                queue
                    .detail(p.tenantId(), required(CaseworkPages.param(ctx, "id"), "id"))
                    .orElseThrow(() -> new NotFoundResponse("no such break"))),
        new ApiRoute(
            HandlerType.POST,
            TENANT + "/proposals/write-off",
            Permission.PROPOSE,
            "Propose writing off a break (whole amount at risk, or amountMinor); a different"
                + " user approves",
            List.of(),
            List.of("exceptionId", "amountMinor", "comment"),
            (ctx, p) -> {
              String id = required(ctx.formParam("exceptionId"), "exceptionId");
              String amount = ctx.formParam("amountMinor");
              ProposalTarget target;
              try {
                target =
                    amount == null || amount.isBlank()
                        ? ProposalTarget.writeOff(id)
                        : ProposalTarget.writeOff(id, Long.parseLong(amount));
              } catch (NumberFormatException e) {
                throw new BadRequestResponse("amountMinor must be a whole number");
              }
              return outcome(
                  proposals.propose(p.tenantId(), p.username(), target, comment(ctx)), proposals);
            }),
        new ApiRoute(
            HandlerType.GET,
            TENANT + "/proposals/{proposalId}",
            Permission.READ,
            "A proposal and the ledger effect approving it would have",
            List.of(),
            List.of(),
            (ctx, p) -> {
              var view =
                  proposals
                      .get(p.tenantId(), ctx.pathParam("proposalId"))
                      .orElseThrow(() -> new NotFoundResponse("no such proposal"));
              Map<String, Object> out = new LinkedHashMap<>();
              out.put("proposal", view);
              out.put("ledgerEffect", proposals.ledgerEffect(view));
              return out;
            }),
        new ApiRoute(
            HandlerType.POST,
            TENANT + "/proposals/{proposalId}/approve",
            Permission.APPROVE,
            "Approve another user's proposal",
            List.of(),
            List.of("comment"),
            (ctx, p) -> decide(ctx, p, true)),
        new ApiRoute(
            HandlerType.POST,
            TENANT + "/proposals/{proposalId}/reject",
            Permission.APPROVE,
            "Reject another user's proposal",
            List.of(),
            List.of("comment"),
            (ctx, p) -> decide(ctx, p, false)));
  }

  private Object decide(Context ctx, ApiPrincipal p, boolean approve) {
    String id = ctx.pathParam("proposalId");
    ProposalOutcome outcome =
        approve
            ? proposals.approve(
                p.tenantId(), p.username(), id, commentOr(ctx, Proposals.DEFAULT_APPROVAL_COMMENT))
            : proposals.reject(p.tenantId(), p.username(), id, comment(ctx));
    return outcome(outcome, proposals);
  }

  private Object outcome(ProposalOutcome outcome, Proposals unused) {
    if (outcome.status() == ProposalOutcome.Status.SAME_USER) {
      throw new ForbiddenResponse(outcome.reason());
    }
    if (outcome.status() == ProposalOutcome.Status.NOT_FOUND) {
      throw new NotFoundResponse(outcome.reason());
    }
    if (outcome.status() == ProposalOutcome.Status.INVALID) {
      throw new BadRequestResponse(outcome.reason());
    }
    if (outcome.status().isRefusal()) {
      throw new ConflictResponse(outcome.reason());
    }
    decisions.accept(outcome.decisions());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", outcome.status().name());
    out.put("proposal", outcome.proposal().orElse(null));
    out.put("reason", outcome.reason());
    return out;
  }

  private static String comment(Context ctx) {
    return commentOr(ctx, "");
  }

  private static String commentOr(Context ctx, String fallback) {
    String c = ctx.formParam("comment");
    return c == null || c.isBlank() ? fallback : c.trim();
  }

  private static String required(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new BadRequestResponse(name + " is required");
    }
    return value;
  }
}
