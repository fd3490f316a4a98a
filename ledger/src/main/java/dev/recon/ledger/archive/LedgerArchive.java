package dev.recon.ledger.archive;

import dev.recon.ledger.archive.ArchiveOutcome.Reason;
import dev.recon.ledger.db.LedgerPartitions;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * Archives one closed month of the ledger: exports its journal entries, postings and daily balances
 * to gzip CSV files with a manifest (row counts, SHA-256, per-currency totals), reads the files
 * back and checks them against the database, then detaches the month's partitions and drops them
 * (or keeps them detached, renamed). The month's daily balances stay in the database, so every
 * balance as of a day stays exact; the month is recorded in {@code ledger.archived_months} and the
 * database refuses to create it again.
 *
 * <p>Runs as the schema owner only: the application role may not detach, drop, or read partitions
 * directly, and this class refuses to start on a role that does not own the ledger.
 */
public final class LedgerArchive {

  static final String JOURNAL_ENTRIES = "journal_entries";
  static final String POSTINGS = "postings";
  static final String DAILY_BALANCES = "daily_balances";

  private static final int BUFFER_BYTES = 1 << 16;
  private static final int POSTING_CURRENCY = 7;
  private static final int POSTING_DEBIT = 5;
  private static final int POSTING_CREDIT = 6;

  private LedgerArchive() {}

  /** {@link #archiveMonth(DataSource, YearMonth, Path, ArchivePolicy)} with the standard policy. */
  public static ArchiveOutcome archiveMonth(DataSource owner, YearMonth month, Path dir) {
    return archiveMonth(owner, month, dir, ArchivePolicy.standard());
  }

  /**
   * @param owner connects as the role owning the ledger schema
   * @param dir folder for the files (created if missing); existing archive files are never
   *     overwritten
   * @throws IllegalStateException if {@code owner} does not own the ledger's tables
   * @throws UncheckedIOException if the files cannot be written or read
   * @throws IllegalArgumentException for a month before 2000
   */
  public static ArchiveOutcome archiveMonth(
      DataSource owner, YearMonth month, Path dir, ArchivePolicy policy) {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(policy, "policy");
    if (month.getYear() < 2000) {
      throw new IllegalArgumentException("the ledger holds no month before 2000");
    }
    // Ended at least minAgeMonths whole months ago: in June with 3, February is the newest.
    YearMonth newestArchivable =
        YearMonth.now(policy.clock()).minusMonths(policy.minAgeMonths() + 1L);
    if (month.isAfter(newestArchivable)) {
      return new ArchiveOutcome.Refused(
          Reason.TOO_RECENT,
          month + " is not older than " + policy.minAgeMonths() + " closed month(s)");
    }
    try (Connection c = owner.getConnection()) {
      requireOwner(c);
      if (isArchived(c, month)) {
        return new ArchiveOutcome.Refused(Reason.ALREADY_ARCHIVED, month + " is archived");
      }
      if (!LedgerPartitions.exists(owner, month)) {
        return new ArchiveOutcome.Refused(Reason.NO_PARTITIONS, month + " has no partitions");
      }
      return new Run(c, month, dir, policy).archive();
    } catch (SQLException e) {
      throw new IllegalStateException("archiving " + month + " failed: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("archiving " + month + " failed", e);
    }
  }

  private static void requireOwner(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select bool_and(pg_has_role(current_user, t.relowner, 'USAGE'))"
                    + " from pg_class t where t.oid in ('ledger.journal_entries'::regclass,"
                    + " 'ledger.postings'::regclass, 'ledger.daily_balances'::regclass)")) {
      if (!rs.next() || !rs.getBoolean(1)) {
        throw new IllegalStateException("archiving needs the role that owns the ledger's tables");
      }
    }
  }

  private static boolean isArchived(Connection c, YearMonth month) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("select 1 from ledger.archived_months where month = ?")) {
      s.setObject(1, month.atDay(1));
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** One archive run on one owner connection. */
  private static final class Run {
    private final Connection c;
    private final YearMonth month;
    private final Path dir;
    private final ArchivePolicy policy;
    private final String entriesTable;
    private final String postingsTable;
    private final LocalDate firstDay;
    private final LocalDate nextFirstDay;

    Run(Connection c, YearMonth month, Path dir, ArchivePolicy policy) {
      this.c = c;
      this.month = month;
      this.dir = dir;
      this.policy = policy;
      this.entriesTable = LedgerPartitions.partitionName(JOURNAL_ENTRIES, month);
      this.postingsTable = LedgerPartitions.partitionName(POSTINGS, month);
      this.firstDay = month.atDay(1);
      this.nextFirstDay = month.plusMonths(1).atDay(1);
    }

    ArchiveOutcome archive() throws SQLException, IOException {
      Files.createDirectories(dir);
      String prefix = "ledger-" + month;
      Path entriesFile = dir.resolve(prefix + "-" + JOURNAL_ENTRIES + ".csv.gz");
      Path postingsFile = dir.resolve(prefix + "-" + POSTINGS + ".csv.gz");
      Path dailyFile = dir.resolve(prefix + "-" + DAILY_BALANCES + ".csv.gz");
      Path manifestFile = dir.resolve(prefix + "-manifest.json");
      for (Path f : List.of(entriesFile, postingsFile, dailyFile, manifestFile)) {
        if (Files.exists(f)) {
          return new ArchiveOutcome.Refused(Reason.FILES_EXIST, f + " exists");
        }
      }
      // FORCE makes row-level security bind the owner too; the owner reads every tenant's rows of
      // the month here, so FORCE is lifted for the run (it binds nobody else) and restored after.
      setForce(false);
      boolean done = false;
      try {
        ArchiveOutcome outcome =
            exportVerifyDetach(entriesFile, postingsFile, dailyFile, manifestFile);
        done = outcome instanceof ArchiveOutcome.Archived;
        return outcome;
      } finally {
        if (!done) {
          if (!c.getAutoCommit()) {
            c.rollback();
          }
          setForce(true);
        }
      }
    }

    private ArchiveOutcome exportVerifyDetach(
        Path entriesFile, Path postingsFile, Path dailyFile, Path manifestFile)
        throws SQLException, IOException {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      execute("set local timezone = 'UTC'");
      long disagreeing = dailyBalancesDisagreeing();
      if (disagreeing > 0) {
        return new ArchiveOutcome.Refused(
            Reason.DAILY_BALANCES_DISAGREE,
            disagreeing + " daily balance rows of " + month + " differ from its postings");
      }
      long entries = count("select count(*) from " + entriesTable);
      List<CurrencyTotal> totals = postingTotals();
      long postings = totals.stream().mapToLong(CurrencyTotal::postings).sum();
      long dailyRows =
          count(
              "select count(*) from ledger.daily_balances where day >= '"
                  + firstDay
                  + "' and day < '"
                  + nextFirstDay
                  + "'");
      List<ArchiveFile> files = new ArrayList<>();
      files.add(
          export(
              JOURNAL_ENTRIES,
              entriesFile,
              "select tenant_id, entry_id, booked_at, source_kind, source_id, description,"
                  + " created_at, reverses_source_id, correlation_ids from "
                  + entriesTable
                  + " order by tenant_id, entry_id, booked_at"));
      files.add(
          export(
              POSTINGS,
              postingsFile,
              "select tenant_id, entry_id, booked_at, line_no, account, debit_minor, credit_minor,"
                  + " currency from "
                  + postingsTable
                  + " order by tenant_id, entry_id, booked_at, line_no"));
      files.add(
          export(
              DAILY_BALANCES,
              dailyFile,
              "select tenant_id, account, currency, day, debit_minor, credit_minor"
                  + " from ledger.daily_balances where day >= '"
                  + firstDay
                  + "' and day < '"
                  + nextFirstDay
                  + "' order by tenant_id, account, currency, day"));
      c.commit();

      String mismatch = verify(files.get(0), entries, null);
      if (mismatch == null) {
        mismatch = verify(files.get(1), postings, totals);
      }
      if (mismatch == null) {
        mismatch = verify(files.get(2), dailyRows, null);
      }
      if (mismatch != null) {
        return new ArchiveOutcome.Refused(Reason.VERIFICATION_FAILED, mismatch);
      }
      ArchiveManifest manifest =
          new ArchiveManifest(
              month, Instant.now(policy.clock()), entries, postings, dailyRows, totals, files);
      byte[] json = manifest.toJson().getBytes(StandardCharsets.UTF_8);
      Files.write(manifestFile, json, StandardOpenOption.CREATE_NEW);
      String manifestSha = HexFormat.of().formatHex(sha256().digest(json));

      // Detach in one transaction that first blocks new rows in the month and recounts: what is
      // dropped is exactly what was exported.
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      execute("lock table " + entriesTable + ", " + postingsTable + " in share mode");
      if (count("select count(*) from " + entriesTable) != entries
          || count("select count(*) from " + postingsTable) != postings) {
        return new ArchiveOutcome.Refused(
            Reason.CHANGED_DURING_ARCHIVE, "rows arrived in " + month + " during the export");
      }
      execute("alter table ledger.journal_entries detach partition " + entriesTable);
      execute("alter table ledger.postings detach partition " + postingsTable);
      if (policy.keepDetached()) {
        for (String table : List.of(entriesTable, postingsTable)) {
          execute("alter table " + table + " force row level security");
          execute(
              "alter table "
                  + table
                  + " rename to archived_"
                  + table.substring(table.indexOf('.') + 1));
        }
      } else {
        execute("drop table " + entriesTable + ", " + postingsTable);
      }
      execute("alter table ledger.daily_balances force row level security");
      try (PreparedStatement s =
          c.prepareStatement(
              "insert into ledger.archived_months (month, entries, postings, manifest_sha256,"
                  + " manifest_path, kept_detached) values (?, ?, ?, ?, ?, ?)")) {
        s.setObject(1, firstDay);
        s.setLong(2, entries);
        s.setLong(3, postings);
        s.setString(4, manifestSha);
        s.setString(5, manifestFile.toAbsolutePath().toString());
        s.setBoolean(6, policy.keepDetached());
        s.executeUpdate();
      }
      c.commit();
      c.setAutoCommit(true);
      return new ArchiveOutcome.Archived(manifest, manifestFile, manifestSha);
    }

    private void setForce(boolean force) throws SQLException {
      c.setAutoCommit(false);
      String mode = force ? " force" : " no force";
      for (String table : List.of(entriesTable, postingsTable, "ledger.daily_balances")) {
        execute("alter table " + table + mode + " row level security");
      }
      c.commit();
      c.setAutoCommit(true);
    }

    /** Rows of the month's daily balances that are not the sums of its postings, either way. */
    private long dailyBalancesDisagreeing() throws SQLException {
      return count(
          "select count(*) from (select tenant_id, account, currency,"
              + " (booked_at at time zone 'UTC')::date as day, sum(debit_minor)::bigint as dr,"
              + " sum(credit_minor)::bigint as cr from "
              + postingsTable
              + " group by 1, 2, 3, 4) p full join (select * from ledger.daily_balances"
              + " where day >= '"
              + firstDay
              + "' and day < '"
              + nextFirstDay
              + "') d using (tenant_id, account, currency, day)"
              + " where p.dr is distinct from d.debit_minor or p.cr is distinct from d.credit_minor");
    }

    private List<CurrencyTotal> postingTotals() throws SQLException {
      List<CurrencyTotal> totals = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "select currency, count(*), sum(debit_minor)::bigint, sum(credit_minor)::bigint"
                      + " from "
                      + postingsTable
                      + " group by currency order by currency")) {
        while (rs.next()) {
          totals.add(
              new CurrencyTotal(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
        }
      }
      return totals;
    }

    private ArchiveFile export(String table, Path file, String query)
        throws SQLException, IOException {
      MessageDigest digest = sha256();
      long rows;
      try (OutputStream raw = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW);
          DigestOutputStream hashed = new DigestOutputStream(raw, digest);
          BufferedOutputStream buffered = new BufferedOutputStream(hashed, BUFFER_BYTES);
          GZIPOutputStream gzip = new GZIPOutputStream(buffered, BUFFER_BYTES)) {
        rows =
            c.unwrap(PGConnection.class)
                .getCopyAPI()
                .copyOut("copy (" + query + ") to stdout with (format csv, header true)", gzip);
      } catch (FileAlreadyExistsException e) {
        throw new IOException(file + " appeared while archiving", e);
      }
      return new ArchiveFile(
          table,
          file.getFileName().toString(),
          rows,
          Files.size(file),
          HexFormat.of().formatHex(digest.digest()));
    }

    /**
     * Reads the file back: same SHA-256, same number of rows, and for postings the same totals per
     * currency as the database. Returns what differs, or null.
     */
    private String verify(ArchiveFile file, long expectedRows, List<CurrencyTotal> expectedTotals)
        throws IOException {
      MessageDigest digest = sha256();
      Map<String, long[]> totals = new TreeMap<>();
      long rows = 0;
      Path path = dir.resolve(file.name());
      try (InputStream raw = Files.newInputStream(path);
          DigestInputStream hashed = new DigestInputStream(raw, digest);
          Reader text =
              new InputStreamReader(
                  new GZIPInputStream(hashed, BUFFER_BYTES), StandardCharsets.UTF_8)) {
        CsvRecords records = new CsvRecords(text);
        List<String> header = records.next();
        if (header == null) {
          return file.name() + " has no header";
        }
        for (List<String> r = records.next(); r != null; r = records.next()) {
          if (r.size() != header.size()) {
            return file.name() + " row " + (rows + 1) + " has " + r.size() + " fields";
          }
          rows++;
          if (expectedTotals != null) {
            long[] t = totals.computeIfAbsent(r.get(POSTING_CURRENCY), k -> new long[3]);
            t[0]++;
            t[1] = Math.addExact(t[1], Long.parseLong(r.get(POSTING_DEBIT)));
            t[2] = Math.addExact(t[2], Long.parseLong(r.get(POSTING_CREDIT)));
          }
        }
        // Drain what the reader did not need (the gzip trailer) into the digest.
        hashed.transferTo(OutputStream.nullOutputStream());
      } catch (NumberFormatException | ArithmeticException e) {
        return file.name() + " holds an amount that is not a long: " + e.getMessage();
      }
      String sha = HexFormat.of().formatHex(digest.digest());
      if (!sha.equals(file.sha256())) {
        return file.name() + " SHA-256 " + sha + " differs from the one written " + file.sha256();
      }
      if (rows != expectedRows || rows != file.rows()) {
        return String.format(
            Locale.ROOT,
            "%s has %d rows; the database has %d, COPY reported %d",
            file.name(),
            rows,
            expectedRows,
            file.rows());
      }
      if (expectedTotals != null) {
        List<CurrencyTotal> read = new ArrayList<>();
        totals.forEach((cur, t) -> read.add(new CurrencyTotal(cur, t[0], t[1], t[2])));
        if (!read.equals(expectedTotals)) {
          return file.name() + " totals " + read + " differ from the database's " + expectedTotals;
        }
      }
      return null;
    }

    private long count(String sql) throws SQLException {
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(sql)) {
        rs.next();
        return rs.getLong(1);
      }
    }

    private void execute(String sql) throws SQLException {
      try (Statement s = c.createStatement()) {
        s.execute(sql);
      }
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
