package dev.recon.reporting.export;

import static dev.recon.reporting.export.ColumnType.BIGINT;
import static dev.recon.reporting.export.ColumnType.INTEGER;
import static dev.recon.reporting.export.ColumnType.TEXT;
import static dev.recon.reporting.export.ColumnType.TIMESTAMPTZ;

import java.util.List;

/**
 * The ledger's tables as datasets. The keyset is the entry's insertion time and id, not its booking
 * time: a late booking (booked_at in the past) is still exported by the next run. Files are
 * partitioned by the UTC date of booked_at, the accounting date analysts filter on.
 */
public final class LedgerDatasets {

  private LedgerDatasets() {}

  private static final String KEYSET =
      " where (e.created_at, e.entry_id) > (?, ?)"
          + " and e.created_at < now() - (? * interval '1 microsecond')";

  public static final ExportDataset JOURNAL_ENTRIES =
      new ExportDataset(
          "journal_entries",
          List.of(
              new ExportColumn("entry_id", TEXT),
              new ExportColumn("booked_at", TIMESTAMPTZ),
              new ExportColumn("source_kind", TEXT),
              new ExportColumn("source_id", TEXT),
              new ExportColumn("reverses_source_id", TEXT),
              new ExportColumn("description", TEXT),
              new ExportColumn("created_at", TIMESTAMPTZ)),
          "select e.created_at, e.entry_id, (e.booked_at at time zone 'UTC')::date,"
              + " e.entry_id, e.booked_at, e.source_kind, e.source_id, e.reverses_source_id,"
              + " e.description, e.created_at"
              + " from ledger.journal_entries e"
              + KEYSET
              + " order by e.created_at, e.entry_id");

  /** One row per posting, with its entry's source so analysts need no join. */
  public static final ExportDataset POSTINGS =
      new ExportDataset(
          "postings",
          List.of(
              new ExportColumn("entry_id", TEXT),
              new ExportColumn("booked_at", TIMESTAMPTZ),
              new ExportColumn("line_no", INTEGER),
              new ExportColumn("account", TEXT),
              new ExportColumn("debit_minor", BIGINT),
              new ExportColumn("credit_minor", BIGINT),
              new ExportColumn("currency", TEXT),
              new ExportColumn("source_kind", TEXT),
              new ExportColumn("source_id", TEXT)),
          "select e.created_at, e.entry_id, (p.booked_at at time zone 'UTC')::date,"
              + " p.entry_id, p.booked_at, p.line_no, p.account, p.debit_minor, p.credit_minor,"
              + " p.currency, e.source_kind, e.source_id"
              + " from ledger.journal_entries e"
              + " join ledger.postings p on p.tenant_id = e.tenant_id and p.entry_id = e.entry_id"
              + " and p.booked_at = e.booked_at"
              + KEYSET
              + " order by e.created_at, e.entry_id, p.line_no");
}
