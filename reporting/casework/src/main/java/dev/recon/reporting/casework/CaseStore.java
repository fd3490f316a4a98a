package dev.recon.reporting.casework;

import dev.recon.reporting.casework.audit.AuditDetail;
import dev.recon.reporting.casework.audit.AuditTrail;
import dev.recon.schemas.DeadLetter;
import dev.recon.schemas.ExceptionResolution;
import dev.recon.schemas.Match;
import dev.recon.schemas.MatchMember;
import dev.recon.schemas.Provenance;
import dev.recon.schemas.ReconException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Stores a reconciliation run's outputs for casework, idempotently: every row is keyed by the id
 * its producer derived (document sha256, record id, match id, exception id, resolution id, dead
 * letter id) and inserted only if absent, so recording the same outputs twice changes nothing. A
 * resolution marks its break RESOLVED. One transaction per call, with one audit event (actor
 * {@value #ACTOR}) when anything changed.
 */
public final class CaseStore {

  /** Largest original document whose content is kept; larger ones keep only their metadata. */
  public static final int MAX_DOCUMENT_BYTES = 32 * 1024 * 1024;

  /** Rows per JDBC batch. */
  static final int BATCH_ROWS = 1_000;

  /** Records, matches, breaks, resolutions and dead letters one call may carry. */
  public static final int MAX_ROWS_PER_RUN = 2_000_000;

  public static final String ACTOR = "system:reconcile";
  public static final String RUN_RECORDED = "RUN_RECORDED";

  private final TenantTransactions transactions;
  private final Clock clock;

  /**
   * @param appDataSource connects as a login of the application role
   */
  public CaseStore(DataSource appDataSource, Clock clock) {
    this.transactions = new TenantTransactions(appDataSource);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Stores the run's outputs. Every record, break and match must belong to the run's tenant.
   *
   * @throws IllegalArgumentException if an output names another tenant or the run is too large
   */
  public RecordRunResult recordRun(RunOutputs run) {
    String tenant = TenantTransactions.requireTenantId(run.tenantId());
    List<CanonicalRow> records = new ArrayList<>();
    run.expected().forEach(e -> records.add(CanonicalRow.of(e)));
    run.paymentEvents().forEach(e -> records.add(CanonicalRow.of(e)));
    run.bankLines().forEach(e -> records.add(CanonicalRow.of(e)));
    long rows =
        (long) records.size()
            + run.matches().size()
            + run.exceptions().size()
            + run.resolutions().size()
            + run.deadLetters().size();
    if (rows > MAX_ROWS_PER_RUN) {
      throw new IllegalArgumentException(
          "a run of " + rows + " rows exceeds " + MAX_ROWS_PER_RUN + ": record it in batches");
    }
    requireTenant(run, records);
    Instant now = clock.instant();
    return transactions.inTenant(
        tenant,
        c -> {
          List<String> overCap = new ArrayList<>();
          int documents = insertDocuments(c, tenant, run.documents(), overCap);
          int recordCount = insertRecords(c, tenant, records);
          int matches = insertMatches(c, tenant, run.matches());
          int exceptions = insertExceptions(c, tenant, run.exceptions());
          int resolutions = insertResolutions(c, tenant, run.resolutions());
          Set<String> touched = new LinkedHashSet<>();
          run.exceptions().forEach(e -> touched.add(e.getExceptionId()));
          run.resolutions().forEach(r -> touched.add(r.getExceptionId()));
          int resolved = applyResolutions(c, tenant, touched);
          fillRecordFields(c, tenant, run);
          int deadLetters = insertDeadLetters(c, tenant, run.deadLetters());
          RecordRunResult result =
              new RecordRunResult(
                  documents,
                  overCap,
                  recordCount,
                  matches,
                  exceptions,
                  resolutions,
                  resolved,
                  deadLetters,
                  0);
          if (!result.changedAnything()) {
            return result;
          }
          Map<String, Object> detail = new LinkedHashMap<>();
          detail.put("run", run.runLabel());
          detail.put("documents", documents);
          detail.put("records", recordCount);
          detail.put("matches", matches);
          detail.put("exceptions", exceptions);
          detail.put("resolutions", resolutions);
          detail.put("exceptions_resolved", resolved);
          detail.put("dead_letters", deadLetters);
          long seq =
              AuditTrail.appendIn(
                      c,
                      tenant,
                      now,
                      ACTOR,
                      RUN_RECORDED,
                      "run:" + clip(run.runLabel(), 300),
                      AuditDetail.json(detail))
                  .seq();
          return new RecordRunResult(
              documents,
              overCap,
              recordCount,
              matches,
              exceptions,
              resolutions,
              resolved,
              deadLetters,
              seq);
        });
  }

  private static void requireTenant(RunOutputs run, List<CanonicalRow> records) {
    String tenant = run.tenantId();
    for (CanonicalRow r : records) {
      requireSame(tenant, r.provenance().getTenantId(), r.recordId());
    }
    run.matches().forEach(m -> requireSame(tenant, m.getTenantId(), m.getMatchId()));
    run.exceptions().forEach(e -> requireSame(tenant, e.getTenantId(), e.getExceptionId()));
    run.resolutions().forEach(r -> requireSame(tenant, r.getTenantId(), r.getResolutionId()));
    run.deadLetters()
        .forEach(d -> requireSame(tenant, d.getProvenance().getTenantId(), d.getDeadLetterId()));
  }

  private static void requireSame(String tenant, String other, String id) {
    if (!tenant.equals(other)) {
      throw new IllegalArgumentException(id + " belongs to tenant " + other + ", not " + tenant);
    }
  }

  private static int insertDocuments(
      Connection c, String tenant, List<SourceDocument> documents, List<String> overCap)
      throws SQLException {
    int inserted = 0;
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into casework.source_documents"
                + " (tenant_id, sha256, file_name, source, received_at, size_bytes, content)"
                + " values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing")) {
      // One at a time: a batch of 32 MiB bodies would be held in memory by the driver at once.
      for (SourceDocument d : documents) {
        String sha = d.sha256();
        boolean tooLarge = d.content().length > MAX_DOCUMENT_BYTES;
        if (tooLarge) {
          overCap.add(sha);
        }
        s.setString(1, tenant);
        s.setString(2, sha);
        s.setString(3, clip(d.fileName(), 1000));
        s.setString(4, clip(d.source(), 200));
        s.setObject(5, utc(d.receivedAt()));
        s.setLong(6, d.content().length);
        if (tooLarge) {
          s.setNull(7, Types.BINARY);
        } else {
          s.setBytes(7, d.content());
        }
        inserted += s.executeUpdate();
      }
    }
    return inserted;
  }

  private static int insertRecords(Connection c, String tenant, List<CanonicalRow> records)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into casework.canonical_records (tenant_id, record_kind, record_id,"
                + " record_type, psp, bank_account, reference, amount_minor, currency, fee_minor,"
                + " fee_currency, event_date, source, file_name, document_sha256, source_line,"
                + " canonical) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " cast(? as jsonb)) on conflict do nothing")) {
      Batch batch = new Batch(s);
      for (CanonicalRow r : records) {
        Provenance p = r.provenance();
        s.setString(1, tenant);
        s.setString(2, r.kind().name());
        s.setString(3, r.recordId());
        s.setString(4, r.recordType());
        s.setString(5, clip(r.psp(), 100));
        s.setString(6, clip(r.bankAccount(), 200));
        s.setString(7, clip(r.reference(), 300));
        s.setLong(8, r.amountMinor());
        s.setString(9, r.currency());
        s.setLong(10, r.feeMinor());
        s.setString(11, r.feeCurrency());
        s.setObject(12, r.eventDate());
        s.setString(13, clip(p.getSource(), 200));
        s.setString(14, clip(p.getFileName(), 1000));
        s.setString(15, p.getContentSha256());
        s.setInt(16, p.getLine());
        s.setString(17, r.canonicalJson());
        batch.add();
      }
      return batch.finish();
    }
  }

  private static int insertMatches(Connection c, String tenant, List<Match> matches)
      throws SQLException {
    int inserted;
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into casework.matches (tenant_id, match_id, level, rule, confidence,"
                + " matched_at) values (?, ?, ?, ?, ?, ?) on conflict do nothing")) {
      Batch batch = new Batch(s);
      for (Match m : matches) {
        s.setString(1, tenant);
        s.setString(2, m.getMatchId());
        s.setString(3, m.getLevel().name());
        s.setString(4, clip(m.getRule(), 200));
        s.setInt(5, m.getConfidence());
        s.setObject(6, utc(m.getMatchedAt()));
        batch.add();
      }
      inserted = batch.finish();
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into casework.match_members (tenant_id, match_id, record_kind, record_id,"
                + " amount_minor, currency) values (?, ?, ?, ?, ?, ?) on conflict do nothing")) {
      Batch batch = new Batch(s);
      for (Match m : matches) {
        for (MatchMember member : m.getMembers()) {
          s.setString(1, tenant);
          s.setString(2, m.getMatchId());
          s.setString(3, member.getRecordKind().name());
          s.setString(4, member.getRecordId());
          s.setLong(5, member.getAmountMinor());
          s.setString(6, member.getCurrency());
          batch.add();
        }
      }
      batch.finish();
    }
    return inserted;
  }

  private static int insertExceptions(Connection c, String tenant, List<ReconException> exceptions)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into casework.exceptions (tenant_id, exception_id, level, reason,"
                + " record_kind, record_id, amount_minor, currency, record_time, detected_at,"
                + " detail, due_date, due_status) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict do nothing")) {
      Batch batch = new Batch(s);
      for (ReconException e : exceptions) {
        s.setString(1, tenant);
        s.setString(2, e.getExceptionId());
        s.setString(3, e.getLevel().name());
        s.setString(4, clip(e.getReason(), 64));
        s.setString(5, e.getRecordKind().name());
        s.setString(6, e.getRecordId());
        s.setLong(7, e.getAmountMinor());
        s.setString(8, e.getCurrency());
        s.setObject(9, utc(e.getRecordTime()));
        s.setObject(10, utc(e.getDetectedAt()));
        s.setString(11, clip(e.getDetail(), 4000));
        LocalDate due = e.getDueDate();
        s.setObject(12, due);
        s.setString(13, clip(e.getDueStatus(), 16));
        batch.add();
      }
      return batch.finish();
    }
  }

  private static int insertResolutions(
      Connection c, String tenant, List<ExceptionResolution> resolutions) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(INSERT_RESOLUTION)) {
      Batch batch = new Batch(s);
      for (ExceptionResolution r : resolutions) {
        bindResolution(s, tenant, r);
        batch.add();
      }
      return batch.finish();
    }
  }

  /**
   * Appends one resolution inside the caller's tenant transaction and resolves its break if open
   * (an approved decision's resolution, with the id the matching job gives the same resolution, so
   * its later arrival through {@link #recordRun} changes nothing).
   *
   * @return whether the break went from OPEN to RESOLVED now
   */
  public static boolean resolveIn(Connection c, String tenantId, ExceptionResolution resolution)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(INSERT_RESOLUTION)) {
      bindResolution(s, tenantId, resolution);
      s.executeUpdate();
    }
    return applyResolutions(c, tenantId, Set.of(resolution.getExceptionId())) > 0;
  }

  static final String INSERT_RESOLUTION =
      "insert into casework.resolutions (tenant_id, resolution_id, exception_id, how, match_id,"
          + " record_kind, record_id, exception_detected_at, resolved_at, detail)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing";

  static void bindResolution(PreparedStatement s, String tenant, ExceptionResolution r)
      throws SQLException {
    s.setString(1, tenant);
    s.setString(2, r.getResolutionId());
    s.setString(3, r.getExceptionId());
    s.setString(4, r.getHow().name());
    s.setString(5, r.getMatchId());
    s.setString(6, r.getRecordKind().name());
    s.setString(7, r.getRecordId());
    s.setObject(8, utc(r.getExceptionDetectedAt()));
    s.setObject(9, utc(r.getResolvedAt()));
    s.setString(10, clip(r.getDetail(), 4000));
  }

  /**
   * Marks open breaks that have a stored resolution RESOLVED, by their earliest resolution; a break
   * stored after its resolution (a streaming batch out of order) is resolved too.
   */
  static int applyResolutions(Connection c, String tenant, Set<String> exceptionIds)
      throws SQLException {
    if (exceptionIds.isEmpty()) {
      return 0;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "update casework.exceptions e set state = 'RESOLVED', resolution_kind = r.how,"
                + " resolution_id = r.resolution_id, resolved_at = r.resolved_at"
                + " from (select distinct on (exception_id) exception_id, how, resolution_id,"
                + " resolved_at from casework.resolutions where tenant_id = ?"
                + " and exception_id = any(?) order by exception_id, resolved_at, resolution_id) r"
                + " where e.tenant_id = ? and e.exception_id = r.exception_id"
                + " and e.state = 'OPEN'")) {
      Array ids = c.createArrayOf("varchar", exceptionIds.toArray());
      s.setString(1, tenant);
      s.setArray(2, ids);
      s.setString(3, tenant);
      return s.executeUpdate();
    }
  }

  /**
   * Copies PSP and reference from the canonical record onto its breaks, so the queue filters
   * without a join; only where still empty, so a repeat changes nothing.
   */
  private static void fillRecordFields(Connection c, String tenant, RunOutputs run)
      throws SQLException {
    Set<String> recordIds = new LinkedHashSet<>();
    run.exceptions().forEach(e -> recordIds.add(e.getRecordId()));
    run.expected().forEach(e -> recordIds.add(e.getExpectedId()));
    run.paymentEvents().forEach(e -> recordIds.add(e.getEventId()));
    run.bankLines().forEach(e -> recordIds.add(e.getLineId()));
    if (recordIds.isEmpty()) {
      return;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "update casework.exceptions e set psp = coalesce(e.psp, r.psp),"
                + " reference = coalesce(e.reference, r.reference)"
                + " from casework.canonical_records r"
                + " where e.tenant_id = ? and r.tenant_id = e.tenant_id"
                + " and r.record_kind = e.record_kind and r.record_id = e.record_id"
                + " and e.record_id = any(?)"
                + " and ((e.psp is null and r.psp is not null)"
                + " or (e.reference is null and r.reference is not null))")) {
      s.setString(1, tenant);
      s.setArray(2, c.createArrayOf("varchar", recordIds.toArray()));
      s.executeUpdate();
    }
  }

  private static int insertDeadLetters(Connection c, String tenant, List<DeadLetter> deadLetters)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into casework.dead_letters (tenant_id, dead_letter_id, source, file_name,"
                + " document_sha256, source_line, format, field, reason, excerpt, received_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")) {
      Batch batch = new Batch(s);
      for (DeadLetter d : deadLetters) {
        Provenance p = d.getProvenance();
        s.setString(1, tenant);
        s.setString(2, d.getDeadLetterId());
        s.setString(3, clip(p.getSource(), 200));
        s.setString(4, clip(p.getFileName(), 1000));
        s.setString(5, p.getContentSha256());
        s.setInt(6, p.getLine());
        s.setString(7, clip(d.getFormat(), 64));
        s.setString(8, clip(d.getField(), 200));
        s.setString(9, clip(d.getReason(), 4000));
        s.setString(10, clip(d.getExcerpt(), 4000));
        s.setObject(11, utc(p.getReceivedAt()));
        batch.add();
      }
      return batch.finish();
    }
  }

  static OffsetDateTime utc(Instant at) {
    return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  /** Cuts free text to its column's size; ids are never cut (an overlong id fails loudly). */
  static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  /** Adds rows to a JDBC batch, flushing every {@link #BATCH_ROWS}, and counts inserted rows. */
  private static final class Batch {
    private final PreparedStatement statement;
    private int pending;
    private int inserted;

    Batch(PreparedStatement statement) {
      this.statement = statement;
    }

    void add() throws SQLException {
      statement.addBatch();
      if (++pending == BATCH_ROWS) {
        flush();
      }
    }

    int finish() throws SQLException {
      flush();
      return inserted;
    }

    private void flush() throws SQLException {
      if (pending == 0) {
        return;
      }
      for (int count : statement.executeBatch()) {
        if (count > 0) {
          inserted += count;
        }
      }
      pending = 0;
    }
  }
}
