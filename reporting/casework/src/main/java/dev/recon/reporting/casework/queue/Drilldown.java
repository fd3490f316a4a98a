package dev.recon.reporting.casework.queue;

import dev.recon.reporting.casework.TenantTransactions;
import dev.recon.reporting.casework.audit.AuditTrail;
import dev.recon.reporting.casework.proposal.Proposals;
import dev.recon.schemas.RecordKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * From a break, a match or a ledger posting (whose {@code source_id} is a match or decision match
 * id) to the canonical records and the original lines that caused it.
 */
public final class Drilldown {

  /** Matches and breaks listed per record at most. */
  static final int MAX_LISTED = 200;

  private final TenantTransactions transactions;
  private final Clock clock;

  public Drilldown(DataSource appDataSource, Clock clock) {
    this.transactions = new TenantTransactions(appDataSource);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Optional<ExceptionDetail> exception(String tenantId, String exceptionId) {
    Instant now = clock.instant();
    return transactions.inTenant(
        tenantId,
        c -> {
          List<QueueRow> rows =
              exceptionsWhere(c, "tenant_id = ? and exception_id = ?", now, tenantId, exceptionId);
          if (rows.isEmpty()) {
            return Optional.empty();
          }
          QueueRow row = rows.get(0);
          Optional<RecordView> record = record(c, tenantId, row.recordKind(), row.recordId());
          Optional<SourceLine> source =
              record.isPresent()
                  ? sourceLine(c, tenantId, row.recordKind(), row.recordId())
                  : Optional.empty();
          return Optional.of(
              new ExceptionDetail(
                  row,
                  record,
                  source,
                  matchesOf(c, tenantId, row.recordKind(), row.recordId()),
                  comments(c, tenantId, exceptionId),
                  Proposals.forExceptionIn(c, tenantId, exceptionId),
                  AuditTrail.eventsAboutIn(c, tenantId, "exception:" + exceptionId)));
        });
  }

  public Optional<RecordDetail> record(String tenantId, RecordKind kind, String recordId) {
    Instant now = clock.instant();
    return transactions.inTenant(
        tenantId,
        c -> {
          Optional<RecordView> record = record(c, tenantId, kind, recordId);
          if (record.isEmpty()) {
            return Optional.empty();
          }
          return Optional.of(
              new RecordDetail(
                  record.get(),
                  sourceLine(c, tenantId, kind, recordId),
                  matchesOf(c, tenantId, kind, recordId),
                  exceptionsWhere(
                      c,
                      "tenant_id = ? and record_kind = ? and record_id = ?",
                      now,
                      tenantId,
                      kind.name(),
                      recordId)));
        });
  }

  /** A match with its members (e.g. from a posting's source id). */
  public Optional<MatchView> match(String tenantId, String matchId) {
    return transactions.inTenant(
        tenantId,
        c -> {
          List<MatchView> found = matches(c, tenantId, List.of(matchId));
          return found.stream().findFirst();
        });
  }

  static Optional<RecordView> record(
      Connection c, String tenantId, RecordKind kind, String recordId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "select record_type, psp, bank_account, reference, amount_minor, currency, fee_minor,"
                + " fee_currency, event_date, canonical::text as canonical"
                + " from casework.canonical_records"
                + " where tenant_id = ? and record_kind = ? and record_id = ?")) {
      s.setString(1, tenantId);
      s.setString(2, kind.name());
      s.setString(3, recordId);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new RecordView(
                kind,
                recordId,
                rs.getString("record_type"),
                rs.getString("psp"),
                rs.getString("bank_account"),
                rs.getString("reference"),
                rs.getLong("amount_minor"),
                rs.getString("currency"),
                rs.getLong("fee_minor"),
                rs.getString("fee_currency"),
                rs.getObject("event_date", java.time.LocalDate.class),
                rs.getString("canonical")));
      }
    }
  }

  /** The record's document and line; the document's content is read only here. */
  static Optional<SourceLine> sourceLine(
      Connection c, String tenantId, RecordKind kind, String recordId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "select r.document_sha256, r.source, r.file_name, r.source_line, d.received_at,"
                + " d.sha256 is not null as known, d.content"
                + " from casework.canonical_records r left join casework.source_documents d"
                + " on d.tenant_id = r.tenant_id and d.sha256 = r.document_sha256"
                + " where r.tenant_id = ? and r.record_kind = ? and r.record_id = ?")) {
      s.setString(1, tenantId);
      s.setString(2, kind.name());
      s.setString(3, recordId);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        byte[] content = rs.getBytes("content");
        int line = rs.getInt("source_line");
        return Optional.of(
            new SourceLine(
                rs.getString("document_sha256"),
                rs.getString("source"),
                rs.getString("file_name"),
                QueueRow.instant(rs, "received_at"),
                line,
                content != null,
                content == null ? Optional.empty() : SourceLines.line(content, line)));
      }
    }
  }

  static List<MatchView> matchesOf(Connection c, String tenantId, RecordKind kind, String recordId)
      throws SQLException {
    List<String> ids = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "select match_id from casework.match_members"
                + " where tenant_id = ? and record_kind = ? and record_id = ?"
                + " order by match_id limit "
                + MAX_LISTED)) {
      s.setString(1, tenantId);
      s.setString(2, kind.name());
      s.setString(3, recordId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    }
    return matches(c, tenantId, ids);
  }

  static List<MatchView> matches(Connection c, String tenantId, List<String> matchIds)
      throws SQLException {
    if (matchIds.isEmpty()) {
      return List.of();
    }
    Map<String, List<MatchView.Member>> members = new LinkedHashMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "select match_id, record_kind, record_id, amount_minor, currency"
                + " from casework.match_members where tenant_id = ? and match_id = any(?)"
                + " order by match_id, record_kind, record_id")) {
      s.setString(1, tenantId);
      s.setArray(2, c.createArrayOf("varchar", matchIds.toArray()));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          members
              .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(
                  new MatchView.Member(
                      RecordKind.valueOf(rs.getString(2)),
                      rs.getString(3),
                      rs.getLong(4),
                      rs.getString(5)));
        }
      }
    }
    List<MatchView> views = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "select match_id, level, rule, confidence, matched_at from casework.matches"
                + " where tenant_id = ? and match_id = any(?) order by matched_at, match_id")) {
      s.setString(1, tenantId);
      s.setArray(2, c.createArrayOf("varchar", matchIds.toArray()));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          String id = rs.getString("match_id");
          views.add(
              new MatchView(
                  id,
                  rs.getString("level"),
                  rs.getString("rule"),
                  rs.getInt("confidence"),
                  QueueRow.instant(rs, "matched_at"),
                  members.getOrDefault(id, List.of())));
        }
      }
    }
    return views;
  }

  static List<CommentView> comments(Connection c, String tenantId, String exceptionId)
      throws SQLException {
    List<CommentView> comments = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "select comment_id, author, body, at from casework.comments"
                + " where tenant_id = ? and exception_id = ? order by at, comment_id limit "
                + ExceptionQueue.MAX_COMMENTS_LISTED)) {
      s.setString(1, tenantId);
      s.setString(2, exceptionId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          comments.add(
              new CommentView(
                  rs.getString(1), rs.getString(2), rs.getString(3), QueueRow.instant(rs, "at")));
        }
      }
    }
    return comments;
  }

  static List<QueueRow> exceptionsWhere(
      Connection c, String condition, Instant now, Object... params) throws SQLException {
    List<QueueRow> rows = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "select "
                + QueueQuery.COLUMNS
                + " from casework.exceptions where "
                + condition
                + " order by exception_id limit "
                + MAX_LISTED)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(QueueRow.read(rs, now));
        }
      }
    }
    return rows;
  }
}
