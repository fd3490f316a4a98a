package dev.recon.reporting.render;

import dev.recon.ledger.db.JournalLine;
import dev.recon.reporting.AgeingBucket;
import dev.recon.reporting.CsvFiles;
import dev.recon.reporting.CurrencySummary;
import dev.recon.reporting.DeadLetterRow;
import dev.recon.reporting.ExceptionRow;
import dev.recon.reporting.LevelSummary;
import dev.recon.reporting.MatchRow;
import dev.recon.reporting.ReconciliationRun;
import dev.recon.reporting.RunSummary;
import dev.recon.reporting.TrialBalance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The daily reconciliation report's sections as tables, for the XLSX and CSV renderings: the same
 * figures as report.html and summary.json, computed by {@link RunSummary}, with amounts in major
 * units next to their currency.
 */
public final class DailyReportTables {

  public static final String SUMMARY = "summary";
  public static final String CURRENCIES = "currencies";
  public static final String LEVELS = "levels";
  public static final String MATCHES = "matches";
  public static final String REASONS = "reasons";
  public static final String EXCEPTIONS = "exceptions";
  public static final String DEAD_LETTERS = "dead_letters";
  public static final String TRIAL_BALANCE = "trial_balance";
  public static final String JOURNAL = "journal";

  /** Breaks in the order a team works them: per currency, the largest amount at risk first. */
  static final Comparator<ExceptionRow> WORK_ORDER =
      Comparator.comparing(ExceptionRow::currency)
          .thenComparing(Comparator.comparingLong(ExceptionRow::amountAtRiskMinor).reversed())
          .thenComparing(ExceptionRow.FILE_ORDER);

  private DailyReportTables() {}

  public static List<ReportTable> of(ReconciliationRun run, RunSummary summary) {
    return List.of(
        summary(summary),
        currencies(summary),
        levels(summary),
        matches(run),
        reasons(run),
        exceptions(run),
        deadLetters(run),
        trialBalance(summary.trialBalance()),
        journal(run));
  }

  private static ReportTable summary(RunSummary s) {
    List<List<Cell>> rows = new ArrayList<>();
    rows.add(fact("Tenant", Cell.text(s.tenant())));
    rows.add(fact("As of", Cell.text(s.asOf().toString())));
    rows.add(fact("Match rate (%)", Cell.text(s.matchRate().percent().orElse("n/a"))));
    rows.add(fact("Records matched", Cell.count(s.matchRate().matched())));
    rows.add(fact("Records considered", Cell.count(s.matchRate().considered())));
    rows.add(fact("Matches made", Cell.count(s.matchCount())));
    rows.add(fact("Breaks", Cell.count(s.breakCount())));
    rows.add(fact("Unreadable input rows", Cell.count(s.deadLetterCount())));
    rows.add(fact("Journal entries", Cell.count(s.trialBalance().entryCount())));
    rows.add(
        fact(
            "Every journal entry balances per currency",
            Cell.text(s.trialBalance().balanced() ? "yes" : "NO")));
    s.atRiskMinor()
        .forEach(
            (currency, minor) ->
                rows.add(
                    fact("Unmatched amount at risk, " + currency, Cell.amount(minor, currency))));
    for (String input : s.inputs()) {
      rows.add(fact("Input", Cell.text(input)));
    }
    return new ReportTable(
        SUMMARY,
        "Summary",
        "Headline figures of the run.",
        List.of(Column.of("figure", "Figure"), Column.of("value", "Value")),
        rows,
        List.of());
  }

  private static List<Cell> fact(String figure, Cell value) {
    return List.of(Cell.text(figure), value);
  }

  private static ReportTable currencies(RunSummary s) {
    List<List<Cell>> rows = new ArrayList<>();
    for (CurrencySummary c : s.currencies()) {
      String cur = c.currency();
      rows.add(
          List.of(
              Cell.text(cur),
              Cell.count(c.recordsMatched()),
              Cell.count(c.breaks()),
              Cell.amount(c.atRiskMinor(), cur),
              Cell.amount(c.journalDebitMinor(), cur),
              Cell.amount(c.journalCreditMinor(), cur)));
    }
    return new ReportTable(
        CURRENCIES,
        "Per currency",
        "Amounts of different currencies are never added together.",
        List.of(
            Column.of("currency", "Currency"),
            Column.of("records_matched", "Records matched"),
            Column.of("breaks", "Breaks"),
            Column.of("at_risk", "At risk"),
            Column.of("journal_debits", "Journal debits"),
            Column.of("journal_credits", "Journal credits")),
        rows,
        List.of());
  }

  private static ReportTable levels(RunSummary s) {
    List<List<Cell>> rows = new ArrayList<>();
    for (LevelSummary level : s.levels()) {
      rows.add(
          List.of(
              Cell.text(level.level().name()),
              Cell.count(level.matches()),
              Cell.count(level.rate().matched()),
              Cell.count(level.rate().considered()),
              Cell.text(level.rate().percent().orElse("n/a")),
              Cell.count(level.breaks())));
    }
    return new ReportTable(
        LEVELS,
        "Matches per level",
        "L1 exact, L2 tolerant, L3 settlement batch to payout, L4 payout to bank.",
        List.of(
            Column.of("level", "Level"),
            Column.of("matches", "Matches"),
            Column.of("records_matched", "Records matched"),
            Column.of("records_considered", "Records considered"),
            Column.of("match_rate_percent", "Match rate (%)"),
            Column.of("breaks", "Breaks")),
        rows,
        List.of());
  }

  private static ReportTable matches(ReconciliationRun run) {
    List<MatchRow> sorted =
        MatchRow.allOf(run.matches()).stream()
            .sorted(Comparator.comparing(MatchRow::level).thenComparing(MatchRow.FILE_ORDER))
            .toList();
    List<List<Cell>> rows = new ArrayList<>();
    for (MatchRow m : sorted) {
      rows.add(
          List.of(
              Cell.text(m.level().name()),
              Cell.text(m.matchId()),
              Cell.text(m.rule()),
              Cell.text(m.recordKind().name()),
              Cell.text(m.recordId()),
              Cell.amount(m.amountMinor(), m.currency()),
              Cell.text(m.currency())));
    }
    return new ReportTable(
        MATCHES,
        "Matches by level",
        "One row per member of a match, by level then match.",
        List.of(
            Column.of("level", "Level"),
            Column.of("match_id", "Match"),
            Column.of("rule", "Rule"),
            Column.of("record_kind", "Record kind"),
            Column.of("record_id", "Record"),
            Column.of("amount", "Amount"),
            Column.of("currency", "Currency")),
        rows,
        List.of());
  }

  private static ReportTable reasons(ReconciliationRun run) {
    Map<List<String>, long[]> byReasonAndCurrency = new TreeMap<>(LIST_ORDER);
    for (ExceptionRow row : ExceptionRow.allOf(run)) {
      long[] sums =
          byReasonAndCurrency.computeIfAbsent(
              List.of(row.reason(), row.currency()),
              k -> new long[2 + AgeingBucket.values().length]);
      sums[0]++;
      sums[1] = Math.addExact(sums[1], row.amountAtRiskMinor());
      sums[2 + row.ageingBucket().ordinal()]++;
    }
    List<List<Cell>> rows = new ArrayList<>();
    byReasonAndCurrency.forEach(
        (key, sums) -> {
          String currency = key.get(1);
          List<Cell> row = new ArrayList<>();
          row.add(Cell.text(key.get(0)));
          row.add(Cell.text(currency));
          row.add(Cell.count(sums[0]));
          row.add(currency.isEmpty() ? Cell.EMPTY : Cell.amount(sums[1], currency));
          for (AgeingBucket bucket : AgeingBucket.values()) {
            row.add(Cell.count(sums[2 + bucket.ordinal()]));
          }
          rows.add(row);
        });
    List<Column> columns = new ArrayList<>();
    columns.add(Column.of("reason", "Reason"));
    columns.add(Column.of("currency", "Currency"));
    columns.add(Column.of("count", "Count"));
    columns.add(Column.of("at_risk", "At risk"));
    columns.add(Column.of("days_0_1", "0-1 days"));
    columns.add(Column.of("days_2_7", "2-7 days"));
    columns.add(Column.of("days_8_30", "8-30 days"));
    columns.add(Column.of("over_30_days", ">30 days"));
    return new ReportTable(
        REASONS,
        "Exceptions by reason and age",
        "Unreadable input rows (PARSE_ERROR, DATA_QUALITY) carry no amount or currency.",
        columns,
        rows,
        List.of());
  }

  private static final Comparator<List<String>> LIST_ORDER =
      Comparator.<List<String>, String>comparing(k -> k.get(0)).thenComparing(k -> k.get(1));

  private static ReportTable exceptions(ReconciliationRun run) {
    List<ExceptionRow> breaks =
        ExceptionRow.allOf(run).stream()
            .filter(row -> !row.deadLetter())
            .sorted(WORK_ORDER)
            .toList();
    CurrencyTotals totals = new CurrencyTotals(9, 0, 5, 4, 6);
    List<List<Cell>> rows = new ArrayList<>();
    for (ExceptionRow e : breaks) {
      rows.add(
          List.of(
              Cell.text(e.exceptionId()),
              Cell.text(e.reason()),
              Cell.text(e.recordKind().name()),
              Cell.text(e.recordId()),
              Cell.amount(e.amountMinor(), e.currency()),
              Cell.text(e.currency()),
              Cell.amount(e.amountAtRiskMinor(), e.currency()),
              Cell.text(e.detectedAt().toString()),
              Cell.count(e.ageDays())));
      totals.add(e.currency(), e.amountMinor(), e.amountAtRiskMinor());
    }
    return new ReportTable(
        EXCEPTIONS,
        "Breaks to work",
        "Per currency, largest amount at risk first. Ages are whole days from the record's time to"
            + " the as-of instant.",
        List.of(
            Column.of("exception_id", "Exception"),
            Column.of("reason", "Reason"),
            Column.of("record_kind", "Record kind"),
            Column.of("record_id", "Record"),
            Column.of("amount", "Amount"),
            Column.of("currency", "Currency"),
            Column.of("at_risk", "At risk"),
            Column.of("detected_at", "Detected at"),
            Column.of("age_days", "Age (days)")),
        rows,
        totals.rows());
  }

  private static ReportTable deadLetters(ReconciliationRun run) {
    List<List<Cell>> rows = new ArrayList<>();
    for (DeadLetterRow d : DeadLetterRow.allOf(run)) {
      rows.add(
          List.of(
              Cell.text(d.deadLetterId()),
              Cell.text(d.fileName()),
              Cell.count(d.line()),
              Cell.text(d.field()),
              Cell.text(d.format()),
              Cell.text(d.reason())));
    }
    return new ReportTable(
        DEAD_LETTERS,
        "Unreadable input rows",
        "These rows never reached matching. Fix them in the input and run again.",
        List.of(
            Column.of("dead_letter_id", "Dead letter"),
            Column.of("file_name", "File"),
            Column.of("line", "Line"),
            Column.of("field", "Field"),
            Column.of("format", "Format"),
            Column.of("reason", "Reason")),
        rows,
        List.of());
  }

  private static ReportTable trialBalance(TrialBalance trialBalance) {
    List<List<Cell>> rows = new ArrayList<>();
    for (TrialBalance.AccountBalance a : trialBalance.accounts()) {
      rows.add(
          List.of(
              Cell.text(a.account()),
              Cell.text(a.currency()),
              Cell.amount(a.debitMinor(), a.currency()),
              Cell.amount(a.creditMinor(), a.currency()),
              Cell.amount(a.balanceMinor(), a.currency())));
    }
    List<List<Cell>> totals = new ArrayList<>();
    for (TrialBalance.CurrencyTotal t : trialBalance.totals()) {
      totals.add(
          List.of(
              Cell.text("Total " + t.currency()),
              Cell.text(t.currency()),
              Cell.amount(t.debitMinor(), t.currency()),
              Cell.amount(t.creditMinor(), t.currency()),
              Cell.amount(t.balanceMinor(), t.currency())));
    }
    return new ReportTable(
        TRIAL_BALANCE,
        "Trial balance of the run's journal",
        "Balance is debits minus credits: positive is a debit balance.",
        List.of(
            Column.of("account", "Account"),
            Column.of("currency", "Currency"),
            Column.of("debits", "Debits"),
            Column.of("credits", "Credits"),
            Column.of("balance", "Balance (debit +)")),
        rows,
        totals);
  }

  private static ReportTable journal(ReconciliationRun run) {
    CurrencyTotals totals = new CurrencyTotals(8, 0, 5, 3, 4);
    List<List<Cell>> rows = new ArrayList<>();
    for (JournalLine line : run.journalLines().stream().sorted(CsvFiles.JOURNAL_ORDER).toList()) {
      rows.add(
          List.of(
              Cell.text(line.entryId()),
              Cell.text(line.bookedAt().toString()),
              Cell.text(line.account()),
              Cell.amount(line.debitMinor(), line.currency()),
              Cell.amount(line.creditMinor(), line.currency()),
              Cell.text(line.currency()),
              Cell.text(line.sourceKind()),
              Cell.text(line.sourceId())));
      totals.add(line.currency(), line.debitMinor(), line.creditMinor());
    }
    return new ReportTable(
        JOURNAL,
        "Journal",
        "Every posting of the run, by booking time and entry.",
        List.of(
            Column.of("entry_id", "Entry"),
            Column.of("booked_at", "Booked at"),
            Column.of("account", "Account"),
            Column.of("debit", "Debit"),
            Column.of("credit", "Credit"),
            Column.of("currency", "Currency"),
            Column.of("source_kind", "Source kind"),
            Column.of("source_id", "Source")),
        rows,
        totals.rows());
  }
}
