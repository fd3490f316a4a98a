package dev.recon.reporting;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * summary.json: the run's figures for scripts. Keys are snake_case and appear in the order written
 * here; map keys (levels, PSPs, reasons, currencies) are sorted. Amounts are integers in minor
 * units, match rates integer basis points (rounded down) plus a fixed two-decimal percent string.
 */
public final class SummaryJson {

  /** Raised when a script must change to read the file. */
  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectWriter WRITER =
      MAPPER.writer(
          new DefaultPrettyPrinter()
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private SummaryJson() {}

  static void write(RunSummary summary, Path target) throws IOException {
    String json = toJson(summary);
    ReportFile.write(target, writer -> writer.write(json));
  }

  /** The whole document, ending with a newline. */
  public static String toJson(RunSummary summary) {
    try {
      return WRITER.writeValueAsString(tree(summary)) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  static ObjectNode tree(RunSummary summary) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format_version", FORMAT_VERSION);
    root.put("tenant", summary.tenant());
    root.put("as_of", summary.asOf().toString());
    summary.inputs().forEach(root.putArray("inputs")::add);
    root.put("match_count", summary.matchCount());
    root.put("break_count", summary.breakCount());
    root.put("dead_letter_count", summary.deadLetterCount());
    putRate(root.putObject("match_rate"), summary.matchRate());
    putAmounts(root.putObject("at_risk_minor"), summary.atRiskMinor());

    ObjectNode levels = root.putObject("levels");
    for (LevelSummary level : summary.levels()) {
      ObjectNode node = levels.putObject(level.level().name());
      node.put("matches", level.matches());
      putRate(node.putObject("match_rate"), level.rate());
      node.put("breaks", level.breaks());
      ObjectNode amounts = node.putObject("matched_amount_minor");
      level
          .matchedAmountMinor()
          .forEach((kind, a) -> putAmounts(amounts.putObject(kind.name()), a));
    }

    ObjectNode psps = root.putObject("psps");
    for (PspSummary psp : summary.psps()) {
      ObjectNode node = psps.putObject(psp.psp());
      node.put("records_matched", psp.recordsMatched());
      ObjectNode amounts = node.putObject("matched_amount_minor");
      psp.matchedAmountMinor().forEach((kind, a) -> putAmounts(amounts.putObject(kind.name()), a));
      node.put("breaks", psp.breaks());
      putAmounts(node.putObject("at_risk_minor"), psp.atRiskMinor());
    }

    ObjectNode reasons = root.putObject("reasons");
    for (ReasonSummary reason : summary.reasons()) {
      ObjectNode node = reasons.putObject(reason.reason());
      node.put("count", reason.count());
      putAmounts(node.putObject("at_risk_minor"), reason.atRiskMinor());
      ObjectNode ageing = node.putObject("age_days");
      reason.ageing().forEach((bucket, count) -> ageing.put(bucket.label(), count));
    }

    ObjectNode currencies = root.putObject("currencies");
    for (CurrencySummary currency : summary.currencies()) {
      ObjectNode node = currencies.putObject(currency.currency());
      node.put("records_matched", currency.recordsMatched());
      node.put("breaks", currency.breaks());
      node.put("at_risk_minor", currency.atRiskMinor());
      node.put("journal_debit_minor", currency.journalDebitMinor());
      node.put("journal_credit_minor", currency.journalCreditMinor());
    }

    TrialBalance trialBalance = summary.trialBalance();
    ObjectNode journal = root.putObject("journal");
    journal.put("entries", trialBalance.entryCount());
    journal.put("balanced", trialBalance.balanced());
    var unbalanced = journal.putArray("unbalanced_entries");
    for (TrialBalance.UnbalancedEntry entry : trialBalance.unbalancedEntries()) {
      ObjectNode node = unbalanced.addObject();
      node.put("entry_id", entry.entryId());
      node.put("currency", entry.currency());
      node.put("debit_minor", entry.debitMinor());
      node.put("credit_minor", entry.creditMinor());
    }
    return root;
  }

  private static void putRate(ObjectNode node, MatchRate rate) {
    node.put("records_matched", rate.matched());
    node.put("records_considered", rate.considered());
    if (rate.basisPoints().isPresent()) {
      node.put("basis_points", rate.basisPoints().getAsLong());
    } else {
      node.putNull("basis_points");
    }
    node.put("percent", rate.percent().orElse(null));
  }

  private static void putAmounts(ObjectNode node, Map<String, Long> amounts) {
    amounts.forEach(node::put);
  }
}
