package dev.recon.app.reports;

import dev.recon.ledger.db.JournalLine;
import dev.recon.ledger.db.RowLevelSecurity;
import dev.recon.ledger.posting.JournalEntryInvariants;
import dev.recon.reporting.ReconciliationRun;
import dev.recon.reporting.delivery.DueReport;
import dev.recon.schemas.DeadLetter;
import dev.recon.schemas.Match;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.MatchMember;
import dev.recon.schemas.Provenance;
import dev.recon.schemas.ReconException;
import dev.recon.schemas.RecordKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the {@link ReconciliationRun} a daily report of {@code recon run} renders, for one
 * tenant and one business day (the period of a {@link DueReport}: midnight to midnight in the
 * schedule's zone), from the casework store and the ledger, as a bounded {@code recon reconcile}
 * run of that day would have produced it:
 *
 * <ul>
 *   <li>matches: made that day ({@code matched_at} in the day), with their members; PSP, bank
 *       account, type and fee come from the members' canonical records;
 *   <li>exceptions: the breaks open at the end of the day (raised before it ends, not resolved by
 *       then), those raised that day included; the report ages them against the end of the day;
 *   <li>dead letters: received that day;
 *   <li>journal lines: every posting booked that day (entries of matches book at {@code
 *       matched_at}, so these are the day's matches' entries plus reversals and write-offs);
 *   <li>inputs: the files (or, for webhooks and APIs, the sources) the day's matched records, the
 *       day's new breaks and dead letters came from.
 * </ul>
 *
 * Everything is read in one read-only, repeatable-read transaction of the application role with the
 * tenant set on it, so row-level security decides what is seen and the sections agree with each
 * other. Each section is read up to its limit ({@link Limits#DEFAULT}); a day over a limit fails
 * with {@link DailyRunTooLarge} rather than rendering a report whose totals silently miss rows.
 * Thread-safe.
 */
public final class CaseworkDailyRuns {

  private static final Logger LOG = LoggerFactory.getLogger(CaseworkDailyRuns.class);

  /**
   * The most rows each section of one day holds. A day's run is held in memory to render it (as a
   * bounded run is), so these bound the memory of one report: a few hundred MiB at the limits, far
   * less on an ordinary day.
   *
   * @param matches matches made in the day
   * @param matchMembers members of those matches (a payout batch match has one per transaction)
   * @param exceptions breaks open at the end of the day
   * @param deadLetters input rows refused in the day
   * @param journalLines postings booked in the day
   * @param inputs distinct input files or sources
   */
  public record Limits(
      int matches,
      int matchMembers,
      int exceptions,
      int deadLetters,
      int journalLines,
      int inputs) {

    public static final Limits DEFAULT =
        new Limits(100_000, 500_000, 100_000, 100_000, 500_000, 10_000);

    public Limits {
      for (int limit :
          new int[] {matches, matchMembers, exceptions, deadLetters, journalLines, inputs}) {
        if (limit < 1 || limit == Integer.MAX_VALUE) {
          throw new IllegalArgumentException("a section limit is 1 .. Integer.MAX_VALUE - 1");
        }
      }
    }
  }

  private static final String MATCHES =
      "with day as ("
          + " select tenant_id, match_id, level, rule, confidence, matched_at"
          + " from casework.matches where matched_at >= ? and matched_at < ?"
          + " order by match_id limit ?)"
          + " select d.match_id, d.level, d.rule, d.confidence, d.matched_at,"
          + " m.record_kind, m.record_id, m.amount_minor, m.currency,"
          + " r.record_type, r.psp, r.bank_account, r.fee_minor, r.fee_currency"
          + " from day d"
          + " left join casework.match_members m"
          + " on m.tenant_id = d.tenant_id and m.match_id = d.match_id"
          + " left join casework.canonical_records r on r.tenant_id = m.tenant_id"
          + " and r.record_kind = m.record_kind and r.record_id = m.record_id"
          + " order by d.match_id, m.record_kind, m.record_id limit ?";

  private static final String EXCEPTIONS =
      "select exception_id, level, reason, record_kind, record_id, amount_minor, currency,"
          + " record_time, detected_at, detail, due_date, due_status"
          + " from casework.exceptions"
          + " where detected_at < ? and (resolved_at is null or resolved_at >= ?)"
          + " order by exception_id limit ?";

  private static final String DEAD_LETTERS =
      "select dead_letter_id, source, file_name, document_sha256, source_line, format, field,"
          + " reason, excerpt, received_at"
          + " from casework.dead_letters where received_at >= ? and received_at < ?"
          + " order by dead_letter_id limit ?";

  private static final String JOURNAL_LINES =
      "select e.entry_id, e.booked_at, p.account, p.debit_minor, p.credit_minor, p.currency,"
          + " e.source_kind, e.source_id"
          + " from ledger.journal_entries e join ledger.postings p"
          + " on p.tenant_id = e.tenant_id and p.entry_id = e.entry_id and p.booked_at = e.booked_at"
          + " where e.booked_at >= ? and e.booked_at < ? and p.booked_at >= ? and p.booked_at < ?"
          + " order by e.booked_at, e.entry_id, p.line_no limit ?";

  /** A webhook or API body has no file name: its source ("webhook:stripe") stands for it. */
  private static final String INPUTS =
      "select coalesce(r.file_name, r.source) from casework.matches x"
          + " join casework.match_members m on m.tenant_id = x.tenant_id and m.match_id = x.match_id"
          + " join casework.canonical_records r on r.tenant_id = m.tenant_id"
          + " and r.record_kind = m.record_kind and r.record_id = m.record_id"
          + " where x.matched_at >= ? and x.matched_at < ?"
          + " union"
          + " select coalesce(r.file_name, r.source) from casework.exceptions x"
          + " join casework.canonical_records r on r.tenant_id = x.tenant_id"
          + " and r.record_kind = x.record_kind and r.record_id = x.record_id"
          + " where x.detected_at >= ? and x.detected_at < ?"
          + " union"
          + " select coalesce(file_name, source) from casework.dead_letters"
          + " where received_at >= ? and received_at < ?"
          + " order by 1 limit ?";

  private final DataSource app;
  private final Limits limits;

  /**
   * @param appDataSource connects as a login of the application role
   */
  public CaseworkDailyRuns(DataSource appDataSource) {
    this(appDataSource, Limits.DEFAULT);
  }

  public CaseworkDailyRuns(DataSource appDataSource, Limits limits) {
    this.app = Objects.requireNonNull(appDataSource, "appDataSource");
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /**
   * The run of the day a scheduled daily report covers.
   *
   * @throws DailyRunTooLarge when a section of the day is over its limit
   */
  public ReconciliationRun of(DueReport due) {
    return of(due.schedule().tenant(), due.period(), due.periodStart(), due.periodEnd());
  }

  /**
   * The run of {@code [start, end)}, as of {@code end}.
   *
   * @param period names the day in the failure of a day over a limit
   * @throws DailyRunTooLarge when a section of the day is over its limit
   */
  public ReconciliationRun of(String tenant, String period, Instant start, Instant end) {
    if (!JournalEntryInvariants.isTenantId(tenant)) {
      throw new IllegalArgumentException(
          "tenant id must match " + JournalEntryInvariants.TENANT_ID.pattern());
    }
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("a day starts before it ends");
    }
    Window day = new Window(utc(start), utc(end));
    try (Connection c = app.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (Statement s = c.createStatement()) {
          s.execute("set transaction isolation level repeatable read, read only");
        }
        RowLevelSecurity.requireApplies(c, "daily runs");
        RowLevelSecurity.enterTenant(c, tenant);
        Sections sections = new Sections(tenant, period);
        List<Match> matches = matches(c, day, tenant, sections);
        List<ReconException> exceptions = exceptions(c, day, tenant, sections);
        List<DeadLetter> deadLetters = deadLetters(c, day, tenant, sections);
        List<JournalLine> journal = journalLines(c, day, sections);
        List<String> inputs = inputs(c, day, sections);
        c.commit();
        return new ReconciliationRun(
            tenant, end, inputs, matches, exceptions, deadLetters, journal);
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "the daily run of tenant " + tenant + " for " + period + " could not be read", e);
    }
  }

  private record Window(OffsetDateTime start, OffsetDateTime end) {}

  /** Checks each section against its limit; names the day in the failure. */
  private static final class Sections {
    private final String tenant;
    private final String period;

    Sections(String tenant, String period) {
      this.tenant = tenant;
      this.period = period;
    }

    void requireWithin(String section, int rows, int limit) {
      if (rows > limit) {
        DailyRunTooLarge tooLarge = new DailyRunTooLarge(tenant, period, section, limit);
        LOG.error("{}", tooLarge.getMessage());
        throw tooLarge;
      }
    }
  }

  private List<Match> matches(Connection c, Window day, String tenant, Sections sections)
      throws SQLException {
    Map<String, Match.Builder> byId = new LinkedHashMap<>();
    Map<String, List<MatchMember>> members = new LinkedHashMap<>();
    int memberRows = 0;
    try (PreparedStatement s = c.prepareStatement(MATCHES)) {
      s.setObject(1, day.start());
      s.setObject(2, day.end());
      s.setInt(3, limits.matches() + 1);
      s.setInt(4, limits.matchMembers() + 1);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          String matchId = r.getString(1);
          if (!byId.containsKey(matchId)) {
            byId.put(
                matchId,
                Match.newBuilder()
                    .setMatchId(matchId)
                    .setTenantId(tenant)
                    .setLevel(MatchLevel.valueOf(r.getString(2)))
                    .setRule(r.getString(3))
                    .setConfidence(r.getInt(4))
                    .setMatchedAt(instant(r, 5)));
            members.put(matchId, new ArrayList<>());
          }
          if (r.getString(6) == null) {
            continue; // a match stored without members: shown with none
          }
          memberRows++;
          members.get(matchId).add(member(r));
        }
      }
    }
    sections.requireWithin("matches", byId.size(), limits.matches());
    sections.requireWithin("match members", memberRows, limits.matchMembers());
    List<Match> matches = new ArrayList<>(byId.size());
    byId.forEach((id, b) -> matches.add(b.setMembers(members.get(id)).build()));
    return matches;
  }

  /** A member with what its canonical record adds; net and event time are not in the columns. */
  private static MatchMember member(ResultSet r) throws SQLException {
    long fee = r.getLong(13); // 0 for a member whose canonical record is not stored
    return MatchMember.newBuilder()
        .setRecordKind(RecordKind.valueOf(r.getString(6)))
        .setRecordId(r.getString(7))
        .setAmountMinor(r.getLong(8))
        .setCurrency(r.getString(9))
        .setEventType(r.getString(10))
        .setPsp(r.getString(11))
        .setBankAccount(r.getString(12))
        .setFeeMinor(fee)
        .setNetCurrency(r.getString(14))
        .build();
  }

  private List<ReconException> exceptions(
      Connection c, Window day, String tenant, Sections sections) throws SQLException {
    List<ReconException> rows = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(EXCEPTIONS)) {
      s.setObject(1, day.end());
      s.setObject(2, day.end());
      s.setInt(3, limits.exceptions() + 1);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.add(
              ReconException.newBuilder()
                  .setExceptionId(r.getString(1))
                  .setTenantId(tenant)
                  .setLevel(MatchLevel.valueOf(r.getString(2)))
                  .setReason(r.getString(3))
                  .setRecordKind(RecordKind.valueOf(r.getString(4)))
                  .setRecordId(r.getString(5))
                  .setAmountMinor(r.getLong(6))
                  .setCurrency(r.getString(7))
                  .setRecordTime(instant(r, 8))
                  .setDetectedAt(instant(r, 9))
                  .setDetail(r.getString(10))
                  .setDueDate(r.getObject(11, LocalDate.class))
                  .setDueStatus(r.getString(12))
                  .build());
        }
      }
    }
    sections.requireWithin("open exceptions", rows.size(), limits.exceptions());
    return rows;
  }

  private List<DeadLetter> deadLetters(Connection c, Window day, String tenant, Sections sections)
      throws SQLException {
    List<DeadLetter> rows = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(DEAD_LETTERS)) {
      s.setObject(1, day.start());
      s.setObject(2, day.end());
      s.setInt(3, limits.deadLetters() + 1);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          Provenance provenance =
              Provenance.newBuilder()
                  .setTenantId(tenant)
                  .setSource(r.getString(2))
                  .setFileName(r.getString(3))
                  .setContentSha256(r.getString(4))
                  .setLine(r.getInt(5))
                  .setReceivedAt(instant(r, 10))
                  .build();
          rows.add(
              DeadLetter.newBuilder()
                  .setDeadLetterId(r.getString(1))
                  .setProvenance(provenance)
                  .setFormat(r.getString(6))
                  .setField(r.getString(7))
                  .setReason(r.getString(8))
                  .setExcerpt(r.getString(9))
                  .build());
        }
      }
    }
    sections.requireWithin("dead letters", rows.size(), limits.deadLetters());
    return rows;
  }

  private List<JournalLine> journalLines(Connection c, Window day, Sections sections)
      throws SQLException {
    List<JournalLine> rows = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(JOURNAL_LINES)) {
      // the bounds on both tables let each prune its month partitions
      s.setObject(1, day.start());
      s.setObject(2, day.end());
      s.setObject(3, day.start());
      s.setObject(4, day.end());
      s.setInt(5, limits.journalLines() + 1);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.add(
              new JournalLine(
                  r.getString(1),
                  instant(r, 2),
                  r.getString(3),
                  r.getLong(4),
                  r.getLong(5),
                  r.getString(6),
                  r.getString(7),
                  r.getString(8)));
        }
      }
    }
    sections.requireWithin("journal lines", rows.size(), limits.journalLines());
    return rows;
  }

  private List<String> inputs(Connection c, Window day, Sections sections) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(INPUTS)) {
      for (int i = 0; i < 3; i++) {
        s.setObject(2 * i + 1, day.start());
        s.setObject(2 * i + 2, day.end());
      }
      s.setInt(7, limits.inputs() + 1);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.add(r.getString(1));
        }
      }
    }
    sections.requireWithin("inputs", rows.size(), limits.inputs());
    return rows;
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet r, int column) throws SQLException {
    return r.getObject(column, OffsetDateTime.class).toInstant();
  }
}
