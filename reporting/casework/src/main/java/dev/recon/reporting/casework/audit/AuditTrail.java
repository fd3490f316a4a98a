package dev.recon.reporting.casework.audit;

import dev.recon.reporting.casework.TenantTransactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The append-only, hash-chained audit trail of every user and system action, per tenant. Appends
 * from other casework operations go through {@link #appendIn} in their own transaction, so an
 * action and its audit event commit together or not at all.
 */
public final class AuditTrail {

  /** Events one listing returns at most. */
  public static final int MAX_LISTED = 1_000;

  /** Rows fetched per round trip while verifying a long chain. */
  static final int VERIFY_FETCH_SIZE = 1_000;

  private static final String COLUMNS =
      "tenant_id, seq, prev_hash, hash, at, actor, action, subject, detail";

  private final TenantTransactions transactions;
  private final Clock clock;

  /**
   * @param appDataSource connects as a login of the application role
   */
  public AuditTrail(DataSource appDataSource, Clock clock) {
    this.transactions = new TenantTransactions(appDataSource);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Appends one event in its own transaction. */
  public AuditEvent append(
      String tenantId, String actor, String action, String subject, Map<String, ?> detail) {
    String json = AuditDetail.json(detail);
    Instant at = clock.instant();
    return transactions.inTenant(
        tenantId, c -> appendIn(c, tenantId, at, actor, action, subject, json));
  }

  /**
   * Appends one event inside the caller's tenant transaction. Events of one tenant are appended one
   * at a time (a transaction-scoped advisory lock), so the chain never forks.
   *
   * @param detailJson a JSON object ({@link AuditDetail#json})
   */
  public static AuditEvent appendIn(
      Connection c,
      String tenantId,
      Instant at,
      String actor,
      String action,
      String subject,
      String detailJson)
      throws SQLException {
    AuditChain.requireActor(actor);
    AuditChain.requireAction(action);
    AuditChain.requireSubject(subject);
    if (detailJson.length() > AuditChain.MAX_DETAIL_CHARS) {
      throw new IllegalArgumentException("audit detail too long");
    }
    Instant stored = AuditChain.truncate(at);
    try (PreparedStatement lock =
        c.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 0))")) {
      lock.setString(1, "casework.audit_log:" + tenantId);
      lock.executeQuery().close();
    }
    long seq = 1;
    String prev = AuditChain.GENESIS;
    try (PreparedStatement last =
        c.prepareStatement(
            "select seq, hash from casework.audit_log where tenant_id = ?"
                + " order by seq desc limit 1")) {
      last.setString(1, tenantId);
      try (ResultSet rs = last.executeQuery()) {
        if (rs.next()) {
          seq = rs.getLong(1) + 1;
          prev = rs.getString(2);
        }
      }
    }
    String hash = AuditChain.hash(prev, tenantId, seq, stored, actor, action, subject, detailJson);
    try (PreparedStatement insert =
        c.prepareStatement(
            "insert into casework.audit_log ("
                + COLUMNS
                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, tenantId);
      insert.setLong(2, seq);
      insert.setString(3, prev);
      insert.setString(4, hash);
      insert.setObject(5, OffsetDateTime.ofInstant(stored, ZoneOffset.UTC));
      insert.setString(6, actor);
      insert.setString(7, action);
      insert.setString(8, subject);
      insert.setString(9, detailJson);
      insert.executeUpdate();
    }
    return new AuditEvent(tenantId, seq, prev, hash, stored, actor, action, subject, detailJson);
  }

  /** Reads the whole chain of the tenant in order and checks every link. */
  public ChainVerification verify(String tenantId) {
    return transactions.inTenant(
        tenantId,
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "select "
                      + COLUMNS
                      + " from casework.audit_log where tenant_id = ? order by seq")) {
            s.setFetchSize(VERIFY_FETCH_SIZE);
            s.setString(1, tenantId);
            try (ResultSet rs = s.executeQuery()) {
              AuditEvent previous = null;
              long checked = 0;
              while (rs.next()) {
                AuditEvent event = read(rs);
                checked++;
                String problem = AuditChain.problem(previous, event);
                if (problem != null) {
                  return ChainVerification.broken(tenantId, checked, event.seq(), problem);
                }
                previous = event;
              }
              return ChainVerification.ok(tenantId, checked);
            }
          }
        });
  }

  /** The events about one subject (e.g. {@code exception:<id>}), oldest first. */
  public List<AuditEvent> eventsAbout(String tenantId, String subject) {
    return transactions.inTenant(tenantId, c -> eventsAboutIn(c, tenantId, subject));
  }

  /** The latest events of the tenant, newest first. */
  public List<AuditEvent> latest(String tenantId, int limit) {
    int bounded = Math.max(1, Math.min(limit, MAX_LISTED));
    return transactions.inTenant(
        tenantId,
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "select "
                      + COLUMNS
                      + " from casework.audit_log where tenant_id = ? order by seq desc limit ?")) {
            s.setString(1, tenantId);
            s.setInt(2, bounded);
            return readAll(s);
          }
        });
  }

  public static List<AuditEvent> eventsAboutIn(Connection c, String tenantId, String subject)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "select "
                + COLUMNS
                + " from casework.audit_log where tenant_id = ? and subject = ?"
                + " order by seq limit "
                + MAX_LISTED)) {
      s.setString(1, tenantId);
      s.setString(2, subject);
      return readAll(s);
    }
  }

  private static List<AuditEvent> readAll(PreparedStatement s) throws SQLException {
    List<AuditEvent> events = new ArrayList<>();
    try (ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        events.add(read(rs));
      }
    }
    return events;
  }

  private static AuditEvent read(ResultSet rs) throws SQLException {
    return new AuditEvent(
        rs.getString("tenant_id"),
        rs.getLong("seq"),
        rs.getString("prev_hash"),
        rs.getString("hash"),
        rs.getObject("at", OffsetDateTime.class).toInstant(),
        rs.getString("actor"),
        rs.getString("action"),
        rs.getString("subject"),
        rs.getString("detail"));
  }
}
