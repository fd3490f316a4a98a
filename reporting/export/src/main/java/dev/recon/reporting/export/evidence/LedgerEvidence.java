package dev.recon.reporting.export.evidence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.recon.reporting.export.TenantReads;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The journal entries that concern the subject: those booked for the sources found before (and
 * their reversals), or for a period every entry booked in it. Written as {@code ledger/journal.csv}
 * (the reconcile command's journal.csv columns) and the entries as JSON lines.
 */
public final class LedgerEvidence implements EvidenceSource {

  private static final String POSTINGS =
      "select e.entry_id, e.booked_at, p.line_no, p.account, p.debit_minor, p.credit_minor,"
          + " p.currency, e.source_kind, e.source_id, e.reverses_source_id"
          + " from ledger.journal_entries e"
          + " join ledger.postings p on p.tenant_id = e.tenant_id and p.entry_id = e.entry_id"
          + " and p.booked_at = e.booked_at";
  private static final String ENTRIES =
      "select e.entry_id, e.booked_at, e.source_kind, e.source_id, e.reverses_source_id,"
          + " e.description, e.created_at from ledger.journal_entries e";
  private static final String BY_SOURCE =
      " where e.source_id = any(?) or e.reverses_source_id = any(?)";
  private static final String BY_PERIOD = " where e.booked_at >= ? and e.booked_at < ?";

  @Override
  public EvidenceFindings collect(
      TenantReads reads, EvidenceSubject subject, Set<String> ledgerSourceIds) throws SQLException {
    List<ObjectNode> postings;
    List<ObjectNode> entries;
    if (subject instanceof EvidenceSubject.Period p) {
      OffsetDateTime from = p.from().atStartOfDay().atOffset(ZoneOffset.UTC);
      OffsetDateTime to = p.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
      postings = JsonRows.query(reads, POSTINGS + BY_PERIOD + " order by 2, 1, 3", from, to);
      entries = JsonRows.query(reads, ENTRIES + BY_PERIOD + " order by 2, 1", from, to);
    } else {
      String[] ids = ledgerSourceIds.stream().sorted().toArray(String[]::new);
      postings = JsonRows.query(reads, POSTINGS + BY_SOURCE + " order by 2, 1, 3", ids, ids);
      entries = JsonRows.query(reads, ENTRIES + BY_SOURCE + " order by 2, 1", ids, ids);
    }
    List<EvidenceItem> items = new ArrayList<>();
    items.add(new EvidenceItem("ledger/journal.csv", journalCsv(postings)));
    items.add(new EvidenceItem("ledger/journal_entries.jsonl", JsonRows.jsonLines(entries)));
    return new EvidenceFindings(items, Set.of());
  }

  static byte[] journalCsv(List<ObjectNode> postings) {
    String[] columns = {
      "entry_id",
      "booked_at",
      "account",
      "debit_minor",
      "credit_minor",
      "currency",
      "source_kind",
      "source_id"
    };
    StringBuilder csv = new StringBuilder(String.join(",", columns)).append('\n');
    for (ObjectNode row : postings) {
      for (int i = 0; i < columns.length; i++) {
        if (i > 0) {
          csv.append(',');
        }
        csv.append(csvField(row.path(columns[i]).asText("")));
      }
      csv.append('\n');
    }
    return JsonRows.utf8(csv.toString());
  }

  static String csvField(String value) {
    if (value.indexOf(',') < 0
        && value.indexOf('"') < 0
        && value.indexOf('\n') < 0
        && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
