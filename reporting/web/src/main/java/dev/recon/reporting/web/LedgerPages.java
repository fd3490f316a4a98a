package dev.recon.reporting.web;

import dev.recon.ledger.db.JournalLine;
import dev.recon.ledger.db.LedgerQueries;
import dev.recon.ledger.db.TrialBalanceLine;
import dev.recon.reporting.access.Permission;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Ledger pages: balances as of a date, the trial balance (also as CSV), journal search. */
final class LedgerPages {

  private final LedgerQueries ledger;
  private final JournalSearch journal;
  private final Guard guard;
  private final Templates templates;
  private final Clock clock;
  private final ActionAudit audit;

  LedgerPages(
      LedgerQueries ledger,
      JournalSearch journal,
      Guard guard,
      Templates templates,
      Clock clock,
      ActionAudit audit) {
    this.ledger = ledger;
    this.journal = journal;
    this.guard = guard;
    this.templates = templates;
    this.clock = clock;
    this.audit = audit;
  }

  void balances(Context ctx) {
    Guard.Viewer v = guard.tenant(ctx, Permission.READ);
    LocalDate asOf = date(ctx, "asOf", LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    List<TrialBalanceLine> lines = ledger.trialBalanceAsOf(v.tenantId(), endOf(asOf));
    Map<String, Object> m = Page.model(v, "Balances as of " + asOf);
    m.put("asOf", asOf.toString());
    m.put("rows", rows(lines));
    ctx.html(templates.render("balances", m));
  }

  void trialBalance(Context ctx) {
    Guard.Viewer v = guard.tenant(ctx, Permission.READ);
    List<TrialBalanceLine> lines = ledger.trialBalance(v.tenantId());
    Map<String, Object> m = Page.model(v, "Trial balance");
    m.put("rows", rows(lines));
    m.put("totals", totals(lines));
    m.put("unbalanced", ledger.unbalancedEntries(v.tenantId()));
    ctx.html(templates.render("trial-balance", m));
  }

  /** The report download: the trial balance as CSV, amounts in minor units. */
  void trialBalanceCsv(Context ctx) {
    Guard.Viewer v = guard.tenant(ctx, Permission.READ);
    StringBuilder csv =
        new StringBuilder("account,account_type,currency,debit_minor,credit_minor,balance_minor\n");
    for (TrialBalanceLine l : ledger.trialBalance(v.tenantId())) {
      csv.append(l.account())
          .append(',')
          .append(l.accountType())
          .append(',')
          .append(l.currency())
          .append(',')
          .append(l.debitMinor())
          .append(',')
          .append(l.creditMinor())
          .append(',')
          .append(l.balanceMinor())
          .append('\n');
    }
    audit.record(
        v.tenantId(), v.session().username(), "REPORT_DOWNLOADED", "trial-balance.csv", Map.of());
    ctx.header(
        "Content-Disposition", "attachment; filename=\"trial-balance-" + v.tenantId() + ".csv\"");
    ctx.contentType("text/csv; charset=utf-8");
    ctx.result(csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  void journalPage(Context ctx) {
    Guard.Viewer v = guard.tenant(ctx, Permission.READ);
    JournalQuery q = query(ctx);
    JournalPage page = journal.search(v.tenantId(), q);
    Map<String, Object> m = Page.model(v, "Journal");
    m.put("sourceId", q.sourceId() == null ? "" : q.sourceId());
    m.put("account", q.account() == null ? "" : q.account());
    m.put("from", q.from() == null ? "" : q.from().toString());
    m.put("to", q.to() == null ? "" : q.to().toString());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JournalLine l : page.lines()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("entryId", l.entryId());
      r.put("bookedAt", l.bookedAt().toString());
      r.put("account", l.account());
      r.put("debit", l.debitMinor() == 0 ? "" : Amounts.show(l.debitMinor(), l.currency()));
      r.put("credit", l.creditMinor() == 0 ? "" : Amounts.show(l.creditMinor(), l.currency()));
      r.put("sourceKind", l.sourceKind());
      r.put("sourceId", l.sourceId());
      rows.add(r);
    }
    m.put("rows", rows);
    m.put("page", page.page());
    m.put("hasPrevious", page.page() > 0);
    m.put("previousPage", page.page() - 1);
    m.put("hasMore", page.hasMore());
    m.put("nextPage", page.page() + 1);
    ctx.html(templates.render("journal", m));
  }

  static JournalQuery query(Context ctx) {
    try {
      String page = ctx.queryParam("page");
      return new JournalQuery(
          ctx.queryParam("sourceId"),
          ctx.queryParam("account"),
          date(ctx, "from", null),
          date(ctx, "to", null),
          page == null || page.isBlank() ? 0 : Integer.parseInt(page));
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse(e.getMessage());
    }
  }

  static Instant endOf(LocalDate day) {
    return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1_000);
  }

  static LocalDate date(Context ctx, String name, LocalDate fallback) {
    String text = ctx.queryParam(name);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 11) : text);
    } catch (DateTimeParseException e) {
      throw new BadRequestResponse(name + " must be a date YYYY-MM-DD");
    }
  }

  static List<Map<String, Object>> rows(List<TrialBalanceLine> lines) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (TrialBalanceLine l : lines) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("account", l.account());
      r.put("type", l.accountType().name());
      r.put("currency", l.currency());
      r.put("debit", Amounts.show(l.debitMinor(), l.currency()));
      r.put("credit", Amounts.show(l.creditMinor(), l.currency()));
      r.put("balance", Amounts.show(l.balanceMinor(), l.currency()));
      rows.add(r);
    }
    return rows;
  }

  private static List<Map<String, Object>> totals(List<TrialBalanceLine> lines) {
    Map<String, long[]> perCurrency = new TreeMap<>();
    for (TrialBalanceLine l : lines) {
      long[] t = perCurrency.computeIfAbsent(l.currency(), c -> new long[2]);
      t[0] = Math.addExact(t[0], l.debitMinor());
      t[1] = Math.addExact(t[1], l.creditMinor());
    }
    List<Map<String, Object>> out = new ArrayList<>();
    perCurrency.forEach(
        (currency, t) ->
            out.add(
                Map.of(
                    "currency",
                    currency,
                    "debit",
                    Amounts.show(t[0], currency),
                    "credit",
                    Amounts.show(t[1], currency),
                    "balanced",
                    t[0] == t[1])));
    return out;
  }
}
