package dev.recon.reporting.casework.queue;

import dev.recon.reporting.casework.TenantTransactions;
import dev.recon.reporting.casework.audit.AuditChain;
import dev.recon.reporting.casework.audit.AuditDetail;
import dev.recon.reporting.casework.audit.AuditTrail;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The exception queue: filtered, sorted pages of breaks (keyset paging over an index, so a page of
 * 50 out of 100,000 open breaks reads about 50 rows), counts, drill-down, and the work on a break:
 * assign, comment, bulk assign. Every change writes its audit event in the same transaction.
 */
public final class ExceptionQueue {

  public static final int DEFAULT_PAGE_SIZE = 50;
  public static final int MAX_PAGE_SIZE = 200;

  /** Breaks one bulk action may name. */
  public static final int MAX_BULK = 500;

  /** Largest offset accepted: deep pages are reached by page token, not by counting rows. */
  public static final long MAX_OFFSET = 10_000;

  public static final int MAX_COMMENT_CHARS = 4_000;
  public static final int MAX_USER_CHARS = 200;
  static final int MAX_COMMENTS_LISTED = 500;

  public static final String ASSIGNED = "EXCEPTION_ASSIGNED";
  public static final String COMMENTED = "EXCEPTION_COMMENTED";

  private final TenantTransactions transactions;
  private final Clock clock;
  private final Drilldown drilldown;

  public ExceptionQueue(DataSource appDataSource, Clock clock) {
    this.transactions = new TenantTransactions(appDataSource);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.drilldown = new Drilldown(appDataSource, clock);
  }

  /**
   * A page after the one {@code pageToken} ended (null or empty for the first page).
   *
   * @throws IllegalArgumentException for a token of another sort or a damaged one
   */
  public QueuePage page(
      String tenantId, QueueFilter filter, QueueSort sort, String pageToken, int size) {
    PageToken after = null;
    if (pageToken != null && !pageToken.isEmpty()) {
      after =
          PageToken.decode(pageToken, sort)
              .orElseThrow(() -> new IllegalArgumentException("not a page token of sort " + sort));
    }
    return fetch(tenantId, filter, sort, after, 0, size);
  }

  /** A page by offset (at most {@value #MAX_OFFSET}); its next-page token continues by keyset. */
  public QueuePage pageAt(
      String tenantId, QueueFilter filter, QueueSort sort, long offset, int size) {
    if (offset < 0 || offset > MAX_OFFSET) {
      throw new IllegalArgumentException("offset must lie in [0, " + MAX_OFFSET + "]");
    }
    return fetch(tenantId, filter, sort, null, offset, size);
  }

  private QueuePage fetch(
      String tenantId, QueueFilter filter, QueueSort sort, PageToken after, long offset, int size) {
    int bounded = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
    Instant now = clock.instant();
    SqlQuery query = QueueQuery.page(tenantId, filter, sort, after, offset, bounded + 1, now);
    return transactions.inTenant(
        tenantId,
        c -> {
          List<QueueRow> rows = new ArrayList<>();
          try (PreparedStatement s = c.prepareStatement(query.sql())) {
            query.bind(s);
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                rows.add(QueueRow.read(rs, now));
              }
            }
          }
          Optional<String> next = Optional.empty();
          if (rows.size() > bounded) {
            rows = rows.subList(0, bounded);
            QueueRow last = rows.get(bounded - 1);
            next =
                Optional.of(new PageToken(sort, last.sortValue(sort), last.exceptionId()).encode());
          }
          return new QueuePage(rows, next);
        });
  }

  /** How many breaks the filter selects, in total and per reason. */
  public QueueCounts counts(String tenantId, QueueFilter filter) {
    SqlQuery query = QueueQuery.countsByReason(tenantId, filter, clock.instant());
    return transactions.inTenant(
        tenantId,
        c -> {
          Map<String, Long> byReason = new TreeMap<>();
          long total = 0;
          try (PreparedStatement s = c.prepareStatement(query.sql())) {
            query.bind(s);
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                byReason.put(rs.getString(1), rs.getLong(2));
                total += rs.getLong(2);
              }
            }
          }
          return new QueueCounts(total, byReason);
        });
  }

  public Optional<ExceptionDetail> detail(String tenantId, String exceptionId) {
    return drilldown.exception(tenantId, exceptionId);
  }

  /**
   * Assigns the break to {@code assignee} (null: to nobody).
   *
   * @return false if there is no such break
   */
  public boolean assign(String tenantId, String actor, String exceptionId, String assignee) {
    return bulkAssign(tenantId, actor, List.of(exceptionId), assignee) == 1;
  }

  /**
   * Assigns every named break that exists; one audit event per break.
   *
   * @return how many breaks were found and assigned
   */
  public int bulkAssign(String tenantId, String actor, List<String> exceptionIds, String assignee) {
    AuditChain.requireActor(actor);
    if (exceptionIds.size() > MAX_BULK) {
      throw new IllegalArgumentException("a bulk action names at most " + MAX_BULK + " breaks");
    }
    if (assignee != null && (assignee.isBlank() || assignee.length() > MAX_USER_CHARS)) {
      throw new IllegalArgumentException("assignee must have 1-" + MAX_USER_CHARS + " characters");
    }
    Instant now = clock.instant();
    return transactions.inTenant(
        tenantId,
        c -> {
          int assigned = 0;
          for (String id : new LinkedHashSet<>(exceptionIds)) {
            Optional<Held> held = lock(c, tenantId, id);
            if (held.isEmpty()) {
              continue;
            }
            try (PreparedStatement s =
                c.prepareStatement(
                    "update casework.exceptions set assignee = ?"
                        + " where tenant_id = ? and exception_id = ?")) {
              s.setString(1, assignee);
              s.setString(2, tenantId);
              s.setString(3, id);
              s.executeUpdate();
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("assignee", assignee);
            detail.put("previous", held.get().assignee());
            detail.put("bulk", exceptionIds.size() > 1);
            AuditTrail.appendIn(
                c, tenantId, now, actor, ASSIGNED, "exception:" + id, AuditDetail.json(detail));
            assigned++;
          }
          return assigned;
        });
  }

  /**
   * Adds a comment to the break.
   *
   * @return the comment, or empty if there is no such break
   */
  public Optional<CommentView> comment(
      String tenantId, String actor, String exceptionId, String body) {
    AuditChain.requireActor(actor);
    if (body == null || body.isBlank() || body.length() > MAX_COMMENT_CHARS) {
      throw new IllegalArgumentException("a comment has 1-" + MAX_COMMENT_CHARS + " characters");
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    return transactions.inTenant(
        tenantId,
        c -> {
          if (lock(c, tenantId, exceptionId).isEmpty()) {
            return Optional.empty();
          }
          CommentView comment = new CommentView("c-" + UUID.randomUUID(), actor, body, now);
          try (PreparedStatement s =
              c.prepareStatement(
                  "insert into casework.comments (tenant_id, comment_id, exception_id, author,"
                      + " body, at) values (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, tenantId);
            s.setString(2, comment.commentId());
            s.setString(3, exceptionId);
            s.setString(4, actor);
            s.setString(5, body);
            s.setObject(6, java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC));
            s.executeUpdate();
          }
          AuditTrail.appendIn(
              c,
              tenantId,
              now,
              actor,
              COMMENTED,
              "exception:" + exceptionId,
              AuditDetail.json(Map.of("comment_id", comment.commentId(), "body", body)));
          return Optional.of(comment);
        });
  }

  /** A break locked for this transaction, with its assignee (null when nobody holds it). */
  private record Held(String assignee) {}

  private static Optional<Held> lock(Connection c, String tenantId, String exceptionId)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "select assignee from casework.exceptions where tenant_id = ? and exception_id = ?"
                + " for update")) {
      s.setString(1, tenantId);
      s.setString(2, exceptionId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(new Held(rs.getString(1))) : Optional.empty();
      }
    }
  }
}
