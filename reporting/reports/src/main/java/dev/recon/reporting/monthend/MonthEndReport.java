package dev.recon.reporting.monthend;

import dev.recon.ledger.db.TrialBalanceLine;
import dev.recon.reporting.render.Cell;
import dev.recon.reporting.render.Column;
import dev.recon.reporting.render.CsvTables;
import dev.recon.reporting.render.HtmlTables;
import dev.recon.reporting.render.PdfDocument;
import dev.recon.reporting.render.ReportDocument;
import dev.recon.reporting.render.ReportFormat;
import dev.recon.reporting.render.ReportTable;
import dev.recon.reporting.render.XlsxWorkbook;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The month-end pack as documents: an HTML page and the PDF printed from it, an XLSX workbook with
 * one sheet per section, and one CSV file per section. Sections: summary, trial balance, open
 * items, open items by age, write-offs, fees.
 */
public final class MonthEndReport {

  public static final String SUMMARY = "summary";
  public static final String TRIAL_BALANCE = "trial_balance";
  public static final String OPEN_ITEMS = "open_items";
  public static final String OPEN_ITEMS_AGEING = "open_items_ageing";
  public static final String WRITE_OFFS = "write_offs";
  public static final String FEES = "fees";

  private final MonthEndPack pack;

  public MonthEndReport(MonthEndPack pack) {
    this.pack = Objects.requireNonNull(pack, "pack");
  }

  /** e.g. "month-end-2026-01": the stem of every file name. */
  public String fileStem() {
    return "month-end-" + pack.month();
  }

  public String title() {
    return "Month-end pack " + pack.month();
  }

  public String htmlPage() {
    return HtmlTables.render(
        title(),
        List.of(
            new HtmlTables.Fact("Tenant", pack.tenant()),
            new HtmlTables.Fact("Month", pack.month() + " (UTC)"),
            new HtmlTables.Fact("Balances and ages at", MonthEndPack.end(pack.month()).toString()),
            new HtmlTables.Fact(
                "Trial balance",
                pack.balanced()
                    ? "debits equal credits in every currency"
                    : "DOES NOT BALANCE: see the totals")),
        tables());
  }

  public ReportDocument html() {
    return new ReportDocument(
        fileStem() + ".html", ReportDocument.HTML, htmlPage().getBytes(StandardCharsets.UTF_8));
  }

  public ReportDocument pdf() {
    return new ReportDocument(
        fileStem() + ".pdf", ReportDocument.PDF, PdfDocument.render(htmlPage()));
  }

  public ReportDocument xlsx() {
    return new ReportDocument(
        fileStem() + ".xlsx", ReportDocument.XLSX, XlsxWorkbook.render(tables()));
  }

  /** One file per section: month-end-2026-01-open_items.csv, ... */
  public List<ReportDocument> csv() {
    return CsvTables.render(tables()).stream()
        .map(f -> new ReportDocument(fileStem() + "-" + f.fileName(), f.mediaType(), f.content()))
        .toList();
  }

  /** The documents of the given formats, in the order HTML, PDF, XLSX, CSV. */
  public List<ReportDocument> render(Set<ReportFormat> formats) {
    List<ReportDocument> documents = new ArrayList<>();
    if (formats.contains(ReportFormat.HTML)) {
      documents.add(html());
    }
    if (formats.contains(ReportFormat.PDF)) {
      documents.add(pdf());
    }
    if (formats.contains(ReportFormat.XLSX)) {
      documents.add(xlsx());
    }
    if (formats.contains(ReportFormat.CSV)) {
      documents.addAll(csv());
    }
    return documents;
  }

  public List<ReportTable> tables() {
    return List.of(summary(), trialBalance(), openItems(), ageing(), writeOffs(), fees());
  }

  private ReportTable summary() {
    List<List<Cell>> rows = new ArrayList<>();
    rows.add(fact("Tenant", Cell.text(pack.tenant()), ""));
    rows.add(fact("Month", Cell.text(pack.month().toString()), ""));
    rows.add(
        fact("Balances and ages at", Cell.text(MonthEndPack.end(pack.month()).toString()), ""));
    rows.add(fact("Trial balance balances", Cell.text(pack.balanced() ? "yes" : "NO"), ""));
    for (MonthEndPack.CurrencyTotal t : pack.openItemTotals()) {
      rows.add(fact("Open items", Cell.count(t.count()), t.currency()));
      rows.add(
          fact("Open items at risk", Cell.amount(t.amountMinor(), t.currency()), t.currency()));
    }
    for (MonthEndPack.CurrencyTotal t : pack.writeOffTotals()) {
      rows.add(fact("Write-offs", Cell.count(t.count()), t.currency()));
      rows.add(
          fact("Written off (debit +)", Cell.amount(t.amountMinor(), t.currency()), t.currency()));
    }
    for (MonthEndPack.CurrencyTotal t : pack.feeTotals()) {
      rows.add(fact("PSP fees, net", Cell.amount(t.amountMinor(), t.currency()), t.currency()));
    }
    if (pack.openItemsTruncated()) {
      rows.add(fact("Open items cut at", Cell.count(MonthEndPack.MAX_ROWS), ""));
    }
    if (pack.writeOffsTruncated()) {
      rows.add(fact("Write-offs cut at", Cell.count(MonthEndPack.MAX_ROWS), ""));
    }
    return new ReportTable(
        SUMMARY,
        "Summary",
        "Amounts per currency, never converted.",
        List.of(
            Column.of("figure", "Figure"),
            Column.of("value", "Value"),
            Column.of("currency", "Currency")),
        rows,
        List.of());
  }

  private static List<Cell> fact(String figure, Cell value, String currency) {
    return List.of(Cell.text(figure), value, Cell.text(currency));
  }

  private ReportTable trialBalance() {
    List<List<Cell>> rows = new ArrayList<>();
    for (TrialBalanceLine line : pack.trialBalance()) {
      String c = line.currency();
      rows.add(
          List.of(
              Cell.text(line.account()),
              Cell.text(line.accountType().name()),
              Cell.text(c),
              Cell.amount(line.debitMinor(), c),
              Cell.amount(line.creditMinor(), c),
              Cell.amount(line.balanceMinor(), c)));
    }
    List<List<Cell>> totals = new ArrayList<>();
    for (MonthEndPack.TrialBalanceTotal t : pack.trialBalanceTotals()) {
      String c = t.currency();
      totals.add(
          List.of(
              Cell.text("Total " + c),
              Cell.EMPTY,
              Cell.text(c),
              Cell.amount(t.debitMinor(), c),
              Cell.amount(t.creditMinor(), c),
              Cell.amount(t.balanceMinor(), c)));
    }
    return new ReportTable(
        TRIAL_BALANCE,
        "Trial balance at month end",
        "Cumulative debits and credits up to the end of the month; balance is debits minus"
            + " credits (positive is a debit balance).",
        List.of(
            Column.of("account", "Account"),
            Column.of("account_type", "Type"),
            Column.of("currency", "Currency"),
            Column.of("debits", "Debits"),
            Column.of("credits", "Credits"),
            Column.of("balance", "Balance (debit +)")),
        rows,
        totals);
  }

  private ReportTable openItems() {
    List<List<Cell>> rows = new ArrayList<>();
    for (MonthEndPack.AgedOpenItem a : pack.openItems()) {
      OpenItem i = a.item();
      rows.add(
          List.of(
              Cell.text(i.exceptionId()),
              Cell.text(i.reason()),
              Cell.text(i.recordKind()),
              Cell.text(i.recordId()),
              Cell.text(i.openedAt().toString()),
              Cell.count(a.ageDays()),
              Cell.text(a.band().label()),
              Cell.amount(i.amountMinor(), i.currency()),
              Cell.text(i.currency()),
              Cell.amount(i.amountAtRiskMinor(), i.currency()),
              Cell.text(i.assignee())));
    }
    List<List<Cell>> totals = new ArrayList<>();
    for (MonthEndPack.CurrencyTotal t : pack.openItemTotals()) {
      List<Cell> row = new ArrayList<>(java.util.Collections.nCopies(11, Cell.EMPTY));
      row.set(0, Cell.text("Total " + t.currency() + " (" + t.count() + " open)"));
      row.set(8, Cell.text(t.currency()));
      row.set(9, Cell.amount(t.amountMinor(), t.currency()));
      totals.add(row);
    }
    return new ReportTable(
        OPEN_ITEMS,
        "Open items at month end",
        (pack.openItemsTruncated()
                ? "Only the first " + MonthEndPack.MAX_ROWS + " open items are in this pack. "
                : "")
            + "Per currency, largest amount at risk first; age in whole days at month end.",
        List.of(
            Column.of("exception_id", "Exception"),
            Column.of("reason", "Reason"),
            Column.of("record_kind", "Record kind"),
            Column.of("record_id", "Record"),
            Column.of("opened_at", "Opened at"),
            Column.of("age_days", "Age (days)"),
            Column.of("age_band", "Age band"),
            Column.of("amount", "Amount"),
            Column.of("currency", "Currency"),
            Column.of("at_risk", "At risk"),
            Column.of("assignee", "Assignee")),
        rows,
        totals);
  }

  private ReportTable ageing() {
    List<List<Cell>> rows = new ArrayList<>();
    for (MonthEndPack.AgeingTotal t : pack.openItemAgeing()) {
      rows.add(
          List.of(
              Cell.text(t.currency()),
              Cell.text(t.band().label()),
              Cell.count(t.count()),
              Cell.amount(t.atRiskMinor(), t.currency())));
    }
    List<List<Cell>> totals = new ArrayList<>();
    for (MonthEndPack.CurrencyTotal t : pack.openItemTotals()) {
      totals.add(
          List.of(
              Cell.text(t.currency()),
              Cell.text("Total"),
              Cell.count(t.count()),
              Cell.amount(t.amountMinor(), t.currency())));
    }
    return new ReportTable(
        OPEN_ITEMS_AGEING,
        "Open items by age",
        "Age bands in days at month end.",
        List.of(
            Column.of("currency", "Currency"),
            Column.of("age_band", "Age band (days)"),
            Column.of("count", "Open items"),
            Column.of("at_risk", "At risk")),
        rows,
        totals);
  }

  private ReportTable writeOffs() {
    List<List<Cell>> rows = new ArrayList<>();
    for (WriteOff w : pack.writeOffs()) {
      rows.add(
          List.of(
              Cell.text(w.bookedAt().toString()),
              Cell.text(w.entryId()),
              Cell.text(w.sourceId()),
              Cell.text(w.description()),
              Cell.text(w.counterAccounts()),
              Cell.amount(w.amountMinor(), w.currency()),
              Cell.text(w.currency())));
    }
    List<List<Cell>> totals = new ArrayList<>();
    for (MonthEndPack.CurrencyTotal t : pack.writeOffTotals()) {
      totals.add(
          List.of(
              Cell.text("Total " + t.currency() + " (" + t.count() + " write-offs)"),
              Cell.EMPTY,
              Cell.EMPTY,
              Cell.EMPTY,
              Cell.EMPTY,
              Cell.amount(t.amountMinor(), t.currency()),
              Cell.text(t.currency())));
    }
    return new ReportTable(
        WRITE_OFFS,
        "Write-offs booked in the month",
        (pack.writeOffsTruncated()
                ? "Only the first " + MonthEndPack.MAX_ROWS + " write-offs are in this pack. "
                : "")
            + "Postings to write_offs, each approved by a second person; positive is a loss.",
        List.of(
            Column.of("booked_at", "Booked at"),
            Column.of("entry_id", "Entry"),
            Column.of("source_id", "Decision"),
            Column.of("description", "Description"),
            Column.of("counter_accounts", "Against"),
            Column.of("amount", "Amount (debit +)"),
            Column.of("currency", "Currency")),
        rows,
        totals);
  }

  private ReportTable fees() {
    List<List<Cell>> rows = new ArrayList<>();
    for (FeeTotal f : pack.fees()) {
      String c = f.currency();
      rows.add(
          List.of(
              Cell.text(f.psp().isEmpty() ? "(no single PSP)" : f.psp()),
              Cell.text(c),
              Cell.count(f.postings()),
              Cell.amount(f.charged(), c),
              Cell.amount(f.refunded(), c),
              Cell.amount(f.netMinor(), c)));
    }
    List<List<Cell>> totals = new ArrayList<>();
    for (MonthEndPack.CurrencyTotal t : pack.feeTotals()) {
      long charged =
          pack.fees().stream()
              .filter(f -> f.currency().equals(t.currency()))
              .mapToLong(FeeTotal::charged)
              .reduce(0, Math::addExact);
      long refunded =
          pack.fees().stream()
              .filter(f -> f.currency().equals(t.currency()))
              .mapToLong(FeeTotal::refunded)
              .reduce(0, Math::addExact);
      totals.add(
          List.of(
              Cell.text("Total " + t.currency()),
              Cell.text(t.currency()),
              Cell.count(t.count()),
              Cell.amount(charged, t.currency()),
              Cell.amount(refunded, t.currency()),
              Cell.amount(t.amountMinor(), t.currency())));
    }
    return new ReportTable(
        FEES,
        "PSP fees of the month",
        "Postings to psp_fees per PSP and currency.",
        List.of(
            Column.of("psp", "PSP"),
            Column.of("currency", "Currency"),
            Column.of("postings", "Postings"),
            Column.of("charged", "Charged"),
            Column.of("refunded", "Refunded"),
            Column.of("net", "Net fees")),
        rows,
        totals);
  }
}
