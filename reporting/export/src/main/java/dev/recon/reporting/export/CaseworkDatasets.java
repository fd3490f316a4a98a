package dev.recon.reporting.export;

import static dev.recon.reporting.export.ColumnType.BIGINT;
import static dev.recon.reporting.export.ColumnType.DATE;
import static dev.recon.reporting.export.ColumnType.INTEGER;
import static dev.recon.reporting.export.ColumnType.TEXT;
import static dev.recon.reporting.export.ColumnType.TIMESTAMPTZ;

import java.util.List;

/**
 * The casework store's matches, exceptions and resolutions as datasets (schema {@code casework}).
 * Exceptions change state when resolved; the export carries only what never changes (the break as
 * detected) and the resolutions as their own append-only dataset, so no exported row goes stale.
 *
 * <p>The casework tables have no insertion time, so the keyset is the business time (matched_at,
 * detected_at, resolved_at): a row stored later with an earlier time than the watermark (a
 * back-fill) is not picked up by the next incremental run. An insertion-time column in casework
 * would close that gap (the query is the only place to change).
 */
public final class CaseworkDatasets {

  private CaseworkDatasets() {}

  private static String keyset(String time, String id) {
    return " where ("
        + time
        + ", "
        + id
        + ") > (?, ?) and "
        + time
        + " < now() - (? * interval '1 microsecond')";
  }

  /** One row per member of a match, like {@code matches.csv}. */
  public static final ExportDataset MATCHES =
      new ExportDataset(
          "matches",
          List.of(
              new ExportColumn("match_id", TEXT),
              new ExportColumn("level", TEXT),
              new ExportColumn("rule", TEXT),
              new ExportColumn("confidence", INTEGER),
              new ExportColumn("matched_at", TIMESTAMPTZ),
              new ExportColumn("record_kind", TEXT),
              new ExportColumn("record_id", TEXT),
              new ExportColumn("amount_minor", BIGINT),
              new ExportColumn("currency", TEXT)),
          "select m.matched_at, m.match_id, (m.matched_at at time zone 'UTC')::date,"
              + " m.match_id, m.level, m.rule, m.confidence, m.matched_at, mm.record_kind,"
              + " mm.record_id, mm.amount_minor, mm.currency"
              + " from casework.matches m"
              + " join casework.match_members mm on mm.tenant_id = m.tenant_id"
              + " and mm.match_id = m.match_id"
              + keyset("m.matched_at", "m.match_id")
              + " order by m.matched_at, m.match_id, mm.record_kind, mm.record_id");

  /** Breaks as detected. */
  public static final ExportDataset EXCEPTIONS =
      new ExportDataset(
          "exceptions",
          List.of(
              new ExportColumn("exception_id", TEXT),
              new ExportColumn("level", TEXT),
              new ExportColumn("reason", TEXT),
              new ExportColumn("record_kind", TEXT),
              new ExportColumn("record_id", TEXT),
              new ExportColumn("amount_minor", BIGINT),
              new ExportColumn("currency", TEXT),
              new ExportColumn("record_time", TIMESTAMPTZ),
              new ExportColumn("detected_at", TIMESTAMPTZ),
              new ExportColumn("due_date", DATE),
              new ExportColumn("psp", TEXT),
              new ExportColumn("reference", TEXT),
              new ExportColumn("detail", TEXT)),
          "select x.detected_at, x.exception_id, (x.detected_at at time zone 'UTC')::date,"
              + " x.exception_id, x.level, x.reason, x.record_kind, x.record_id, x.amount_minor,"
              + " x.currency, x.record_time, x.detected_at, x.due_date, x.psp, x.reference,"
              + " x.detail"
              + " from casework.exceptions x"
              + keyset("x.detected_at", "x.exception_id")
              + " order by x.detected_at, x.exception_id");

  /** How breaks were resolved (matched late, manual match, write-off, ...). */
  public static final ExportDataset RESOLUTIONS =
      new ExportDataset(
          "resolutions",
          List.of(
              new ExportColumn("resolution_id", TEXT),
              new ExportColumn("exception_id", TEXT),
              new ExportColumn("how", TEXT),
              new ExportColumn("match_id", TEXT),
              new ExportColumn("record_kind", TEXT),
              new ExportColumn("record_id", TEXT),
              new ExportColumn("exception_detected_at", TIMESTAMPTZ),
              new ExportColumn("resolved_at", TIMESTAMPTZ),
              new ExportColumn("detail", TEXT)),
          "select r.resolved_at, r.resolution_id, (r.resolved_at at time zone 'UTC')::date,"
              + " r.resolution_id, r.exception_id, r.how, r.match_id, r.record_kind, r.record_id,"
              + " r.exception_detected_at, r.resolved_at, r.detail"
              + " from casework.resolutions r"
              + keyset("r.resolved_at", "r.resolution_id")
              + " order by r.resolved_at, r.resolution_id");
}
