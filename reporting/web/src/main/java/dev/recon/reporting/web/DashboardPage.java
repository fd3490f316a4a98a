package dev.recon.reporting.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recon.ledger.db.LedgerQueries;
import dev.recon.ledger.db.TrialBalanceLine;
import dev.recon.reporting.MatchRate;
import dev.recon.reporting.access.Permission;
import dev.recon.reporting.casework.dashboard.Dashboard;
import dev.recon.reporting.casework.dashboard.DashboardFigures;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The tenant's start page: match rate, amount at risk, ageing, due status, fees; charts. */
final class DashboardPage {

  private final Dashboard dashboard;
  private final LedgerQueries ledger;
  private final Guard guard;
  private final Templates templates;
  private final ObjectMapper json = new ObjectMapper();

  DashboardPage(Dashboard dashboard, LedgerQueries ledger, Guard guard, Templates templates) {
    this.dashboard = dashboard;
    this.ledger = ledger;
    this.guard = guard;
    this.templates = templates;
  }

  void page(Context ctx) throws JsonProcessingException {
    Guard.Viewer v = guard.tenant(ctx, Permission.READ);
    Map<String, Object> m = Page.model(v, "Dashboard");
    DashboardFigures f = dashboard.figures(v.tenantId());
    Map<String, Object> cw = new LinkedHashMap<>();
    long open = f.openAtRisk().stream().mapToLong(DashboardFigures.CurrencyAmount::count).sum();
    cw.put("openCount", open);
    cw.put(
        "atRisk",
        f.openAtRisk().stream()
            .map(a -> Amounts.show(a.amountAtRiskMinor(), a.currency()))
            .toList());
    long matched = 0;
    long considered = 0;
    for (DashboardFigures.PspDayRate r : f.matchRates()) {
      matched += r.rate().matched();
      considered += r.rate().considered();
    }
    cw.put(
        "matchRate",
        considered == 0
            ? "n/a"
            : new MatchRate(matched, considered).percent().map(x -> x + " %").orElse("n/a"));
    cw.put("matchRateChart", json.writeValueAsString(matchRateChart(f)));
    List<Map<String, Object>> ageing = new ArrayList<>();
    for (DashboardFigures.AgeingFigure a : f.ageing()) {
      ageing.add(
          Map.of(
              "bucket", a.bucket().label() + " " + a.currency(),
              "count", a.count(),
              "amount", Amounts.show(a.amountAtRiskMinor(), a.currency())));
    }
    cw.put("ageing", ageing);
    List<Map<String, Object>> due = new ArrayList<>();
    for (DashboardFigures.DueFigure d : f.due()) {
      due.add(
          Map.of(
              "status", d.dueStatus(),
              "count", d.count(),
              "amount", Amounts.show(d.amountAtRiskMinor(), d.currency())));
    }
    cw.put("due", due);
    List<Map<String, Object>> reasons = new ArrayList<>();
    for (DashboardFigures.ReasonFigure r : f.openByReason()) {
      reasons.add(
          Map.of(
              "reason", r.reason(),
              "count", r.count(),
              "amount", Amounts.show(r.amountAtRiskMinor(), r.currency())));
    }
    cw.put("perReason", reasons);
    List<Map<String, Object>> fees = new ArrayList<>();
    for (DashboardFigures.FeeFigure fee : f.fees()) {
      fees.add(Map.of("psp", fee.psp(), "amount", Amounts.show(fee.feeMinor(), fee.currency())));
    }
    cw.put("fees", fees);
    cw.put("deadLetters", f.deadLetters());
    cw.put("from", f.from().toString());
    cw.put("to", f.to().toString());
    m.put("casework", cw);

    List<TrialBalanceLine> lines = ledger.trialBalance(v.tenantId());
    m.put("entryCount", ledger.entryCount(v.tenantId()));
    m.put("balances", LedgerPages.rows(lines));
    List<String> labels = new ArrayList<>();
    List<Long> values = new ArrayList<>();
    for (TrialBalanceLine l : lines) {
      labels.add(l.account() + " " + l.currency());
      values.add(l.balanceMinor());
    }
    m.put(
        "balanceChart",
        json.writeValueAsString(
            Map.of(
                "title", "Balance per account (minor units)", "labels", labels, "values", values)));
    ctx.html(templates.render("dashboard", m));
  }

  /** One line per PSP over the days: the match rate in percent (null where nothing was due). */
  private static Map<String, Object> matchRateChart(DashboardFigures f) {
    TreeSet<LocalDate> days = new TreeSet<>();
    Map<String, Map<LocalDate, Double>> perPsp = new TreeMap<>();
    for (DashboardFigures.PspDayRate r : f.matchRates()) {
      days.add(r.day());
      // a percentage for drawing only; the figures shown as text are exact
      r.rate()
          .basisPoints()
          .ifPresent(
              bp -> perPsp.computeIfAbsent(r.psp(), p -> new TreeMap<>()).put(r.day(), bp / 100.0));
    }
    List<Long> x = new ArrayList<>();
    for (LocalDate d : days) {
      x.add(d.atStartOfDay(ZoneOffset.UTC).toEpochSecond());
    }
    List<Map<String, Object>> series = new ArrayList<>();
    perPsp.forEach(
        (psp, byDay) -> {
          List<Double> values = new ArrayList<>();
          for (LocalDate d : days) {
            values.add(byDay.get(d));
          }
          series.add(Map.of("label", psp, "values", values));
        });
    return Map.of("title", "Match rate % per PSP and day", "x", x, "series", series);
  }
}
