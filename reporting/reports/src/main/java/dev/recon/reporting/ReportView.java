package dev.recon.reporting;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What report.html shows, already formatted for people: the template only lays it out (Mustache is
 * logic-less) and escapes every value.
 */
record ReportView(
    String tenant,
    String asOf,
    List<String> inputs,
    String matchRate,
    long recordsMatched,
    long recordsConsidered,
    long matchCount,
    long breakCount,
    long deadLetterCount,
    List<Money> atRisk,
    List<LevelRow> levels,
    List<ReasonRow> reasons,
    List<ExceptionLine> exceptions,
    Truncation exceptionsTruncation,
    long journalEntries,
    boolean journalBalanced,
    List<BalanceRow> trialBalance,
    List<BalanceRow> journalTotals,
    List<UnbalancedRow> unbalancedEntries,
    List<DeadLetterLine> deadLetters,
    Truncation deadLettersTruncation) {

  boolean hasReasons() {
    return !reasons.isEmpty();
  }

  boolean hasExceptions() {
    return !exceptions.isEmpty();
  }

  boolean hasDeadLetters() {
    return !deadLetters.isEmpty();
  }

  /** Most rows listed in one table; the CSV files always hold every row. */
  static final int MAX_LISTED_ROWS = 1_000;

  /**
   * Longest text shown in a cell, in code points: references and reasons come from outside and one
   * runaway value must not make the report unreadable. The CSV files keep the whole value.
   */
  static final int MAX_SHOWN_CODE_POINTS = 200;

  /** Shown in place of a rate when nothing was considered. */
  static final String NO_RATE = "n/a";

  /** Breaks in the order a team works them: per currency, the largest amount at risk first. */
  static final Comparator<ExceptionRow> WORK_ORDER =
      Comparator.comparing(ExceptionRow::currency)
          .thenComparing(Comparator.comparingLong(ExceptionRow::amountAtRiskMinor).reversed())
          .thenComparing(ExceptionRow.FILE_ORDER);

  record Money(String amount, String currency) {
    static Money of(long minorUnits, String currency) {
      return new Money(MajorUnits.format(minorUnits, currency), currency);
    }
  }

  record LevelRow(
      String level,
      long matches,
      long recordsMatched,
      long recordsConsidered,
      String matchRate,
      long breaks) {}

  record ReasonRow(
      String reason,
      long count,
      List<Money> atRisk,
      long days0to1,
      long days2to7,
      long days8to30,
      long over30days) {}

  record ExceptionLine(
      String exceptionId,
      String reason,
      String recordKind,
      String recordId,
      String amount,
      String currency,
      String detectedAt,
      long ageDays) {}

  record DeadLetterLine(String fileName, int line, String field, String format, String reason) {}

  record BalanceRow(String account, String currency, String debit, String credit, String balance) {}

  record UnbalancedRow(String entryId, String currency, String debit, String credit) {}

  /** How many rows a table leaves out because of {@link #MAX_LISTED_ROWS}. */
  record Truncation(boolean truncated, long notListed) {
    static Truncation of(long total) {
      long notListed = Math.max(0, total - MAX_LISTED_ROWS);
      return new Truncation(notListed > 0, notListed);
    }
  }

  static ReportView of(ReconciliationRun run, RunSummary summary) {
    List<ExceptionRow> breaks =
        ExceptionRow.allOf(run).stream().filter(row -> !row.deadLetter()).toList();
    List<DeadLetterRow> deadLetters = DeadLetterRow.allOf(run);
    TrialBalance trialBalance = summary.trialBalance();
    return new ReportView(
        shown(summary.tenant()),
        summary.asOf().toString(),
        summary.inputs().stream().map(ReportView::shown).toList(),
        rate(summary.matchRate()),
        summary.matchRate().matched(),
        summary.matchRate().considered(),
        summary.matchCount(),
        summary.breakCount(),
        summary.deadLetterCount(),
        money(summary.atRiskMinor()),
        summary.levels().stream()
            .map(
                level ->
                    new LevelRow(
                        level.level().name(),
                        level.matches(),
                        level.rate().matched(),
                        level.rate().considered(),
                        rate(level.rate()),
                        level.breaks()))
            .toList(),
        summary.reasons().stream().map(ReportView::reasonRow).toList(),
        breaks.stream()
            .sorted(WORK_ORDER)
            .limit(MAX_LISTED_ROWS)
            .map(ReportView::exceptionLine)
            .toList(),
        Truncation.of(breaks.size()),
        trialBalance.entryCount(),
        trialBalance.balanced(),
        trialBalance.accounts().stream()
            .map(
                a ->
                    balanceRow(
                        a.account(),
                        a.currency(),
                        a.debitMinor(),
                        a.creditMinor(),
                        a.balanceMinor()))
            .toList(),
        trialBalance.totals().stream()
            .map(
                t ->
                    balanceRow("", t.currency(), t.debitMinor(), t.creditMinor(), t.balanceMinor()))
            .toList(),
        trialBalance.unbalancedEntries().stream()
            .map(
                e ->
                    new UnbalancedRow(
                        shown(e.entryId()),
                        e.currency(),
                        MajorUnits.format(e.debitMinor(), e.currency()),
                        MajorUnits.format(e.creditMinor(), e.currency())))
            .toList(),
        deadLetters.stream()
            .limit(MAX_LISTED_ROWS)
            .map(
                d ->
                    new DeadLetterLine(
                        shown(d.fileName()),
                        d.line(),
                        shown(d.field()),
                        shown(d.format()),
                        shown(d.reason())))
            .toList(),
        Truncation.of(deadLetters.size()));
  }

  private static String rate(MatchRate rate) {
    return rate.percent().map(percent -> percent + " %").orElse(NO_RATE);
  }

  private static List<Money> money(Map<String, Long> amounts) {
    return amounts.entrySet().stream().map(e -> Money.of(e.getValue(), e.getKey())).toList();
  }

  private static ReasonRow reasonRow(ReasonSummary reason) {
    Map<AgeingBucket, Long> ageing = reason.ageing();
    return new ReasonRow(
        shown(reason.reason()),
        reason.count(),
        money(reason.atRiskMinor()),
        ageing.get(AgeingBucket.DAYS_0_1),
        ageing.get(AgeingBucket.DAYS_2_7),
        ageing.get(AgeingBucket.DAYS_8_30),
        ageing.get(AgeingBucket.OVER_30));
  }

  private static ExceptionLine exceptionLine(ExceptionRow row) {
    return new ExceptionLine(
        shown(row.exceptionId()),
        shown(row.reason()),
        row.recordKind().name(),
        shown(row.recordId()),
        MajorUnits.format(row.amountMinor(), row.currency()),
        row.currency(),
        row.detectedAt().toString(),
        row.ageDays());
  }

  private static BalanceRow balanceRow(
      String account, String currency, long debit, long credit, long balance) {
    return new BalanceRow(
        shown(account),
        currency,
        MajorUnits.format(debit, currency),
        MajorUnits.format(credit, currency),
        MajorUnits.format(balance, currency));
  }

  /** The value cut to {@link #MAX_SHOWN_CODE_POINTS}, with an ellipsis when cut. */
  static String shown(String value) {
    if (value.codePointCount(0, value.length()) <= MAX_SHOWN_CODE_POINTS) {
      return value;
    }
    return value.substring(0, value.offsetByCodePoints(0, MAX_SHOWN_CODE_POINTS)) + "\u2026";
  }
}
