package dev.recon.reporting.web;

import dev.recon.ledger.db.JournalLine;
import dev.recon.reporting.AgeingBucket;
import dev.recon.reporting.access.Permission;
import dev.recon.reporting.casework.audit.AuditEvent;
import dev.recon.reporting.casework.proposal.LedgerEffect;
import dev.recon.reporting.casework.proposal.ProposalOutcome;
import dev.recon.reporting.casework.proposal.ProposalState;
import dev.recon.reporting.casework.proposal.ProposalTarget;
import dev.recon.reporting.casework.proposal.ProposalView;
import dev.recon.reporting.casework.proposal.Proposals;
import dev.recon.reporting.casework.queue.CommentView;
import dev.recon.reporting.casework.queue.ExceptionDetail;
import dev.recon.reporting.casework.queue.ExceptionQueue;
import dev.recon.reporting.casework.queue.ExceptionState;
import dev.recon.reporting.casework.queue.MatchView;
import dev.recon.reporting.casework.queue.QueueCounts;
import dev.recon.reporting.casework.queue.QueueFilter;
import dev.recon.reporting.casework.queue.QueuePage;
import dev.recon.reporting.casework.queue.QueueRow;
import dev.recon.reporting.casework.queue.QueueSort;
import dev.recon.reporting.casework.queue.RecordView;
import dev.recon.reporting.casework.queue.SourceLine;
import dev.recon.schemas.ManualDecision;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The finance team's casework: the exception queue (filter, search, sort, page, assign, comment,
 * bulk assign), a break's drill-down to its record, match and source line, and proposals
 * (write-off, manual match, unmatch) approved or rejected by a second person, with the ledger
 * effect shown before approval. Casework writes its own audit events in the same transaction as
 * each action.
 */
final class CaseworkPages {

  private final ExceptionQueue queue;
  private final Proposals proposals;
  private final Consumer<List<ManualDecision>> decisions;
  private final Guard guard;
  private final Templates templates;

  CaseworkPages(
      ExceptionQueue queue,
      Proposals proposals,
      Consumer<List<ManualDecision>> decisions,
      Guard guard,
      Templates templates) {
    this.queue = queue;
    this.proposals = proposals;
    this.decisions = decisions;
    this.guard = guard;
    this.templates = templates;
  }

  static QueueFilter filter(Context ctx) {
    try {
      String state = param(ctx, "state");
      String bucket = param(ctx, "age");
      return new QueueFilter(
          state == null
              ? ExceptionState.OPEN
              : state.equals("ALL") ? null : ExceptionState.valueOf(state),
          param(ctx, "reason"),
          param(ctx, "psp"),
          param(ctx, "currency"),
          param(ctx, "assignee"),
          bucket == null ? null : AgeingBucket.valueOf(bucket),
          null,
          null,
          param(ctx, "q"));
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse("bad filter: " + e.getMessage());
    }
  }

  static QueueSort sort(Context ctx) {
    String sort = param(ctx, "sort");
    try {
      return sort == null ? QueueSort.AMOUNT : QueueSort.valueOf(sort);
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse("sort must be one of " + Arrays.toString(QueueSort.values()));
    }
  }

  void queuePage(Context ctx) {
    Guard.Viewer v = guard.tenant(ctx, Permission.READ);
    QueueFilter filter = filter(ctx);
    QueueSort sort = sort(ctx);
    QueuePage page;
    try {
      page =
          queue.page(
              v.tenantId(), filter, sort, param(ctx, "after"), ExceptionQueue.DEFAULT_PAGE_SIZE);
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse(e.getMessage());
    }
    QueueCounts counts = queue.counts(v.tenantId(), filter);
    Map<String, Object> m = Page.model(v, "Exceptions");
    m.put("total", counts.total());
    List<Map<String, Object>> reasons = new ArrayList<>();
    counts.byReason().forEach((r, n) -> reasons.add(Map.of("reason", r, "count", n)));
    m.put("reasons", reasons);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (QueueRow r : page.rows()) {
      rows.add(row(r));
    }
    m.put("rows", rows);
    m.put("state", filter.state() == null ? "ALL" : filter.state().name());
    m.put("reason", nz(filter.reason()));
    m.put("psp", nz(filter.psp()));
    m.put("currency", nz(filter.currency()));
    m.put("assignee", nz(filter.assignee()));
    m.put("q", nz(filter.text()));
    m.put("sort", sort.name());
    m.put(
        "sorts",
        Arrays.stream(QueueSort.values())
            .map(s -> Map.of("name", s.name(), "selected", s == sort))
            .toList());
    m.put(
        "states",
        List.of("OPEN", "RESOLVED", "ALL").stream()
            .map(s -> Map.of("name", s, "selected", s.equals(m.get("state"))))
            .toList());
    page.nextPageToken()
        .ifPresent(
            t ->
                m.put(
                    "nextQuery",
                    "state="
                        + enc(m.get("state"))
                        + "&reason="
                        + enc(m.get("reason"))
                        + "&psp="
                        + enc(m.get("psp"))
                        + "&currency="
                        + enc(m.get("currency"))
                        + "&assignee="
                        + enc(m.get("assignee"))
                        + "&q="
                        + enc(m.get("q"))
                        + "&sort="
                        + sort.name()
                        + "&after="
                        + enc(t)));
    ctx.html(templates.render("exceptions", m));
  }

  static Map<String, Object> row(QueueRow r) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", r.exceptionId());
    row.put("idParam", enc(r.exceptionId()));
    row.put("level", r.level());
    row.put("reason", r.reason());
    row.put("recordRef", r.recordRef());
    row.put("psp", nz(r.psp()));
    row.put("reference", nz(r.reference()));
    row.put("amount", Amounts.show(r.amountMinor(), r.currency()));
    row.put("atRisk", Amounts.show(r.amountAtRiskMinor(), r.currency()));
    row.put("ageDays", r.ageDays());
    row.put("bucket", r.ageingBucket().label());
    row.put("due", nz(r.dueStatus()));
    row.put("state", r.state().name());
    row.put("resolution", nz(r.resolutionKind()));
    row.put("assignee", nz(r.assignee()));
    return row;
  }

  void detailPage(Context ctx) {
    Guard.Viewer v = guard.tenant(ctx, Permission.READ);
    String id = requiredParam(ctx, "id");
    ExceptionDetail d =
        queue.detail(v.tenantId(), id).orElseThrow(() -> new NotFoundResponse("no such break"));
    Map<String, Object> m = Page.model(v, "Break " + id);
    m.put("x", row(d.exception()));
    m.put("open", d.exception().state() == ExceptionState.OPEN);
    m.put("detail", nz(d.exception().detail()));
    d.record().ifPresent(r -> m.put("record", record(r)));
    d.source().ifPresent(s -> m.put("source", source(s)));
    List<Map<String, Object>> matches = new ArrayList<>();
    for (MatchView mv : d.matches()) {
      matches.add(match(mv));
    }
    m.put("matches", matches);
    List<Map<String, Object>> comments = new ArrayList<>();
    for (CommentView c : d.comments()) {
      comments.add(Map.of("author", c.author(), "body", c.body(), "at", c.at().toString()));
    }
    m.put("comments", comments);
    List<Map<String, Object>> props = new ArrayList<>();
    boolean openProposal = false;
    for (ProposalView p : d.proposals()) {
      props.add(proposalRow(p));
      openProposal |= p.state() == ProposalState.PROPOSED;
    }
    m.put("proposals", props);
    m.put(
        "mayProposeHere",
        v.may(Permission.PROPOSE) && !openProposal && d.exception().state() == ExceptionState.OPEN);
    m.put("audit", audit(d.auditEvents()));
    ctx.html(templates.render("exception", m));
  }

  void assign(Context ctx) {
    Guard.Viewer v = guard.tenant(ctx, Permission.PROPOSE);
    String id = AdminPages.required(ctx, "id");
    String assignee = assignee(ctx, v);
    if (!queue.assign(v.tenantId(), v.session().username(), id, assignee)) {
      throw new NotFoundResponse("no such break");
    }
    ctx.redirect(detailPath(v, id), HttpStatus.SEE_OTHER);
  }

  void bulkAssign(Context ctx) {
    Guard.Viewer v = guard.tenant(ctx, Permission.PROPOSE);
    List<String> ids = ctx.formParams("exceptionId");
    if (ids.isEmpty() || ids.size() > ExceptionQueue.MAX_BULK) {
      throw new BadRequestResponse("select 1-" + ExceptionQueue.MAX_BULK + " breaks");
    }
    String assignee = assignee(ctx, v);
    int n;
    try {
      n = queue.bulkAssign(v.tenantId(), v.session().username(), ids, assignee);
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse(e.getMessage());
    }
    ctx.redirect("/t/" + v.tenantId() + "/exceptions?assigned=" + n, HttpStatus.SEE_OTHER);
  }

  private static String assignee(Context ctx, Guard.Viewer v) {
    String assignee = ctx.formParam("assignee");
    if (assignee == null || assignee.isBlank()) {
      return null;
    }
    if (assignee.equals("me")) {
      return v.session().username();
    }
    if (assignee.length() > ExceptionQueue.MAX_USER_CHARS) {
      throw new BadRequestResponse("assignee too long");
    }
    return assignee.trim();
  }

  void comment(Context ctx) {
    Guard.Viewer v = guard.tenant(ctx, Permission.PROPOSE);
    String id = AdminPages.required(ctx, "id");
    String body = ctx.formParam("body");
    boolean found;
    try {
      found = queue.comment(v.tenantId(), v.session().username(), id, body).isPresent();
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse(e.getMessage());
    }
    if (!found) {
      throw new NotFoundResponse("no such break");
    }
    ctx.redirect(detailPath(v, id), HttpStatus.SEE_OTHER);
  }

  void proposeWriteOff(Context ctx) {
    Guard.Viewer v = guard.tenant(ctx, Permission.PROPOSE);
    String id = AdminPages.required(ctx, "id");
    String amount = ctx.formParam("amount");
    ProposalTarget target;
    if (amount == null || amount.isBlank()) {
      target = ProposalTarget.writeOff(id);
    } else {
      ExceptionDetail d =
          queue.detail(v.tenantId(), id).orElseThrow(() -> new NotFoundResponse("no such break"));
      try {
        target = ProposalTarget.writeOff(id, MajorAmount.toMinor(amount, d.exception().currency()));
      } catch (IllegalArgumentException e) {
        throw new BadRequestResponse(e.getMessage());
      }
    }
    propose(ctx, v, target);
  }

  void proposeMatch(Context ctx) {
    Guard.Viewer v = guard.tenant(ctx, Permission.PROPOSE);
    List<String> records =
        Arrays.stream(AdminPages.required(ctx, "records").split("[\\s,]+"))
            .filter(s -> !s.isBlank())
            .toList();
    String exceptionId = ctx.formParam("id");
    propose(
        ctx,
        v,
        ProposalTarget.match(
            records, exceptionId == null || exceptionId.isBlank() ? null : exceptionId));
  }

  void proposeUnmatch(Context ctx) {
    Guard.Viewer v = guard.tenant(ctx, Permission.PROPOSE);
    propose(ctx, v, ProposalTarget.unmatch(AdminPages.required(ctx, "matchId")));
  }

  private void propose(Context ctx, Guard.Viewer v, ProposalTarget target) {
    String comment = ctx.formParam("comment");
    ProposalOutcome outcome =
        proposals.propose(
            v.tenantId(), v.session().username(), target, comment == null ? "" : comment.trim());
    if (outcome.status().isRefusal()) {
      ctx.status(HttpStatus.CONFLICT);
      ctx.html(templates.render("error", Map.of("status", 409, "message", outcome.reason())));
      return;
    }
    decisions.accept(outcome.decisions());
    ctx.redirect(
        "/t/" + v.tenantId() + "/proposals/" + outcome.proposal().orElseThrow().proposalId(),
        HttpStatus.SEE_OTHER);
  }

  void proposalsPage(Context ctx) {
    Guard.Viewer v = guard.tenant(ctx, Permission.READ);
    Map<String, Object> m = Page.model(v, "Proposals waiting for a second person");
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ProposalView p : proposals.pending(v.tenantId())) {
      rows.add(proposalRow(p));
    }
    m.put("rows", rows);
    ctx.html(templates.render("proposals", m));
  }

  void proposalPage(Context ctx) {
    Guard.Viewer v = guard.tenant(ctx, Permission.READ);
    ProposalView p =
        proposals
            .get(v.tenantId(), ctx.pathParam("proposalId"))
            .orElseThrow(() -> new NotFoundResponse("no such proposal"));
    Map<String, Object> m = Page.model(v, "Proposal " + p.proposalId());
    m.put("p", proposalRow(p));
    m.put("pending", p.state() == ProposalState.PROPOSED);
    boolean ownProposal = p.proposedBy().equals(v.session().username());
    m.put("ownProposal", ownProposal);
    m.put(
        "mayDecide",
        p.state() == ProposalState.PROPOSED && v.may(Permission.APPROVE) && !ownProposal);
    LedgerEffect effect = proposals.ledgerEffect(p);
    m.put("effectNote", effect.note());
    m.put("effectBookedHere", effect.bookedHere());
    // an expectation is the tenant's own record, never on the ledger: its write-off books nothing
    m.put("effectNothing", effect.lines().isEmpty());
    m.put("effect", lines(effect.lines()));
    ctx.html(templates.render("proposal", m));
  }

  void approve(Context ctx) {
    Guard.Viewer v = guard.tenant(ctx, Permission.APPROVE);
    String id = ctx.pathParam("proposalId");
    String comment = ctx.formParam("comment");
    ProposalOutcome outcome =
        comment == null || comment.isBlank()
            ? proposals.approve(v.tenantId(), v.session().username(), id)
            : proposals.approve(v.tenantId(), v.session().username(), id, comment.trim());
    decided(ctx, v, id, outcome);
  }

  void reject(Context ctx) {
    Guard.Viewer v = guard.tenant(ctx, Permission.APPROVE);
    String id = ctx.pathParam("proposalId");
    ProposalOutcome outcome =
        proposals.reject(
            v.tenantId(), v.session().username(), id, AdminPages.required(ctx, "reason"));
    decided(ctx, v, id, outcome);
  }

  private void decided(Context ctx, Guard.Viewer v, String id, ProposalOutcome outcome) {
    if (outcome.status().isRefusal()) {
      ctx.status(
          outcome.status() == ProposalOutcome.Status.SAME_USER
              ? HttpStatus.FORBIDDEN
              : HttpStatus.CONFLICT);
      ctx.html(
          templates.render(
              "error", Map.of("status", ctx.statusCode(), "message", outcome.reason())));
      return;
    }
    decisions.accept(outcome.decisions());
    ctx.redirect("/t/" + v.tenantId() + "/proposals/" + id, HttpStatus.SEE_OTHER);
  }

  static Map<String, Object> proposalRow(ProposalView p) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("id", p.proposalId());
    r.put("kind", p.kind().name());
    r.put("records", String.join(", ", p.records()));
    r.put("exceptionId", nz(p.exceptionId()));
    r.put("exceptionParam", p.exceptionId() == null ? "" : enc(p.exceptionId()));
    r.put("hasException", p.exceptionId() != null);
    r.put("matchId", nz(p.matchId()));
    r.put("amount", p.amountMinor() == null ? "" : Amounts.show(p.amountMinor(), p.currency()));
    r.put("comment", nz(p.comment()));
    r.put("proposedBy", p.proposedBy());
    r.put("proposedAt", p.proposedAt() == null ? "" : p.proposedAt().toString());
    r.put("state", p.state().name());
    r.put("decidedBy", nz(p.decidedBy()));
    r.put("decidedAt", p.decidedAt() == null ? "" : p.decidedAt().toString());
    r.put("decisionComment", nz(p.decisionComment()));
    return r;
  }

  static List<Map<String, Object>> lines(List<JournalLine> lines) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (JournalLine l : lines) {
      out.add(
          Map.of(
              "entryId",
              l.entryId(),
              "account",
              l.account(),
              "debit",
              l.debitMinor() == 0 ? "" : Amounts.show(l.debitMinor(), l.currency()),
              "credit",
              l.creditMinor() == 0 ? "" : Amounts.show(l.creditMinor(), l.currency())));
    }
    return out;
  }

  static List<Map<String, Object>> audit(List<AuditEvent> events) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (AuditEvent e : events) {
      out.add(
          Map.of(
              "seq", e.seq(),
              "at", e.at().toString(),
              "actor", e.actor(),
              "action", e.action(),
              "detail", e.detail()));
    }
    return out;
  }

  private static Map<String, Object> record(RecordView r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ref", r.recordRef());
    m.put("type", nz(r.recordType()));
    m.put("psp", nz(r.psp()));
    m.put("bankAccount", nz(r.bankAccount()));
    m.put("reference", nz(r.reference()));
    m.put("amount", Amounts.show(r.amountMinor(), r.currency()));
    m.put("fee", r.feeCurrency() == null ? "" : Amounts.show(r.feeMinor(), r.feeCurrency()));
    m.put("eventDate", r.eventDate() == null ? "" : r.eventDate().toString());
    m.put("json", r.canonicalJson());
    return m;
  }

  private static Map<String, Object> source(SourceLine s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", s.source());
    m.put("fileName", s.fileName() == null ? "(webhook or API body)" : s.fileName());
    m.put("line", s.line());
    m.put("receivedAt", s.receivedAt().toString());
    m.put("sha256", s.documentSha256());
    m.put("stored", s.documentStored());
    m.put("text", s.text().orElse(""));
    m.put("hasText", s.text().isPresent());
    return m;
  }

  private static Map<String, Object> match(MatchView mv) {
    List<Map<String, Object>> members = new ArrayList<>();
    for (MatchView.Member mm : mv.members()) {
      members.add(
          Map.of(
              "ref",
              mm.recordKind().name() + ":" + mm.recordId(),
              "amount",
              Amounts.show(mm.amountMinor(), mm.currency())));
    }
    return Map.of(
        "matchId", mv.matchId(),
        "level", mv.level(),
        "rule", nz(mv.rule()),
        "confidence", mv.confidence(),
        "members", members);
  }

  private static String detailPath(Guard.Viewer v, String id) {
    return "/t/" + v.tenantId() + "/exception?id=" + enc(id);
  }

  static String param(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > QueueFilter.MAX_TEXT_CHARS * 5) {
      throw new BadRequestResponse(name + " too long");
    }
    return value.trim();
  }

  private static String requiredParam(Context ctx, String name) {
    String value = param(ctx, name);
    if (value == null) {
      throw new BadRequestResponse(name + " is required");
    }
    return value;
  }

  static String nz(String s) {
    return s == null ? "" : s;
  }

  static String enc(Object s) {
    return URLEncoder.encode(String.valueOf(s), StandardCharsets.UTF_8);
  }

  static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }
}
