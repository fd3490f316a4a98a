package dev.recon.reporting.casework.dashboard;

import dev.recon.reporting.AgeingBucket;
import dev.recon.reporting.MatchRate;
import dev.recon.reporting.casework.TenantTransactions;
import dev.recon.reporting.casework.dashboard.DashboardFigures.AgeingFigure;
import dev.recon.reporting.casework.dashboard.DashboardFigures.CurrencyAmount;
import dev.recon.reporting.casework.dashboard.DashboardFigures.DueFigure;
import dev.recon.reporting.casework.dashboard.DashboardFigures.FeeFigure;
import dev.recon.reporting.casework.dashboard.DashboardFigures.PspDayRate;
import dev.recon.reporting.casework.dashboard.DashboardFigures.ReasonFigure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/** The figures of a tenant's dashboard, read in one transaction (one consistent snapshot). */
public final class Dashboard {

  /** Longest period of daily match rates and fees. */
  public static final int MAX_DAYS = 366;

  public static final int DEFAULT_DAYS = 30;

  /** Due status of a break that carries none. */
  public static final String DUE_UNKNOWN = "UNKNOWN";

  private final TenantTransactions transactions;
  private final Clock clock;

  public Dashboard(DataSource appDataSource, Clock clock) {
    this.transactions = new TenantTransactions(appDataSource);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The last {@value #DEFAULT_DAYS} days up to today (UTC). */
  public DashboardFigures figures(String tenantId) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    return figures(tenantId, today.minusDays(DEFAULT_DAYS - 1L), today);
  }

  /**
   * @param from first day (inclusive) of match rates and fees
   * @param to last day (inclusive); at most {@value #MAX_DAYS} days after {@code from}
   */
  public DashboardFigures figures(String tenantId, LocalDate from, LocalDate to) {
    if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
      throw new IllegalArgumentException("period must be 1-" + MAX_DAYS + " days");
    }
    Instant now = clock.instant();
    return transactions.inTenant(
        tenantId,
        c ->
            new DashboardFigures(
                tenantId,
                now,
                from,
                to,
                matchRates(c, tenantId, from, to),
                openAtRisk(c, tenantId),
                ageing(c, tenantId, now),
                due(c, tenantId),
                fees(c, tenantId, from, to),
                byReason(c, tenantId, Long.MAX_VALUE),
                deadLetters(c, tenantId)));
  }

  /**
   * The open breaks per reason and currency of {@link DashboardFigures}, alone (for metrics),
   * ordered by reason then currency, at most {@code limit} rows.
   */
  public List<ReasonFigure> openBreaksByReason(String tenantId, long limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    return transactions.inTenant(tenantId, c -> byReason(c, tenantId, limit));
  }

  private static List<PspDayRate> matchRates(
      Connection c, String tenantId, LocalDate from, LocalDate to) throws SQLException {
    List<PspDayRate> rates = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "select r.psp, r.event_date, count(*) as considered,"
                + " count(*) filter (where exists (select 1 from casework.match_members m"
                + " where m.tenant_id = r.tenant_id and m.record_kind = r.record_kind"
                + " and m.record_id = r.record_id)) as matched"
                + " from casework.canonical_records r"
                + " where r.tenant_id = ? and r.psp is not null and r.event_date between ? and ?"
                + " group by r.psp, r.event_date order by r.psp, r.event_date")) {
      s.setString(1, tenantId);
      s.setObject(2, from);
      s.setObject(3, to);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rates.add(
              new PspDayRate(
                  rs.getString(1),
                  rs.getObject(2, LocalDate.class),
                  new MatchRate(rs.getLong("matched"), rs.getLong("considered"))));
        }
      }
    }
    return rates;
  }

  private static List<CurrencyAmount> openAtRisk(Connection c, String tenantId)
      throws SQLException {
    List<CurrencyAmount> rows = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "select currency, count(*), sum(amount_at_risk_minor) from casework.exceptions"
                + " where tenant_id = ? and state = 'OPEN' group by currency order by currency")) {
      s.setString(1, tenantId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(new CurrencyAmount(rs.getString(1), rs.getLong(2), rs.getLong(3)));
        }
      }
    }
    return rows;
  }

  /** Buckets by the report's age (whole days from the record's time), bounds as in the queue. */
  private static List<AgeingFigure> ageing(Connection c, String tenantId, Instant now)
      throws SQLException {
    List<AgeingFigure> rows = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "select case when record_time > ? then 0 when record_time > ? then 1"
                + " when record_time > ? then 2 else 3 end as bucket,"
                + " currency, count(*), sum(amount_at_risk_minor) from casework.exceptions"
                + " where tenant_id = ? and state = 'OPEN' group by 1, 2 order by 1, 2")) {
      s.setObject(1, utc(now.minus(Duration.ofDays(2))));
      s.setObject(2, utc(now.minus(Duration.ofDays(8))));
      s.setObject(3, utc(now.minus(Duration.ofDays(31))));
      s.setString(4, tenantId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new AgeingFigure(
                  AgeingBucket.values()[rs.getInt(1)],
                  rs.getString(2),
                  rs.getLong(3),
                  rs.getLong(4)));
        }
      }
    }
    return rows;
  }

  private static List<DueFigure> due(Connection c, String tenantId) throws SQLException {
    List<DueFigure> rows = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "select coalesce(due_status, ?), currency, count(*), sum(amount_at_risk_minor)"
                + " from casework.exceptions where tenant_id = ? and state = 'OPEN'"
                + " group by 1, 2 order by 1, 2")) {
      s.setString(1, DUE_UNKNOWN);
      s.setString(2, tenantId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(new DueFigure(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
        }
      }
    }
    return rows;
  }

  private static List<FeeFigure> fees(Connection c, String tenantId, LocalDate from, LocalDate to)
      throws SQLException {
    List<FeeFigure> rows = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "select psp, fee_currency, sum(fee_minor) from casework.canonical_records"
                + " where tenant_id = ? and record_kind = 'PSP_TXN' and fee_currency is not null"
                + " and event_date between ? and ? group by 1, 2 order by 1, 2")) {
      s.setString(1, tenantId);
      s.setObject(2, from);
      s.setObject(3, to);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(new FeeFigure(rs.getString(1), rs.getString(2), rs.getLong(3)));
        }
      }
    }
    return rows;
  }

  private static List<ReasonFigure> byReason(Connection c, String tenantId, long limit)
      throws SQLException {
    List<ReasonFigure> rows = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "select reason, currency, count(*), sum(amount_at_risk_minor)"
                + " from casework.exceptions where tenant_id = ? and state = 'OPEN'"
                + " group by 1, 2 order by 1, 2 limit ?")) {
      s.setString(1, tenantId);
      s.setLong(2, limit);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new ReasonFigure(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
        }
      }
    }
    return rows;
  }

  private static long deadLetters(Connection c, String tenantId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("select count(*) from casework.dead_letters where tenant_id = ?")) {
      s.setString(1, tenantId);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}
