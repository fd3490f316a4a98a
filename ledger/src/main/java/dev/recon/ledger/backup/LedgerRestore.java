package dev.recon.ledger.backup;

import dev.recon.ledger.backup.RestoreOutcome.Reason;
import dev.recon.ledger.db.LedgerDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;

/**
 * Restores a {@link LedgerBackup} into an empty database, all in one transaction, with the ledger's
 * integrity triggers honoured: nothing is switched off.
 *
 * <p>The triggers accept a journal entry only together with its postings, written by the same
 * transaction in one statement per entry, and a reversal only after the entries it reverses (with
 * their postings) and with postings that mirror them. So the ledger's files are first copied into
 * temporary staging tables, and then inserted per tenant in the order a writer would have booked
 * them: accounts, the entries that reverse nothing, their postings, the reversals, their postings.
 * The tables the database derives itself ({@code daily_balances}, {@code reversed_sources}) are
 * rebuilt by its triggers and then compared with the backup's copy, row for row; only rows of
 * archived months (whose postings are no longer in the ledger) are taken from the backup. Every
 * other table is copied straight in, referenced tables first. Before COMMIT the row counts and the
 * ledger's check figures are taken again and compared with the manifest; COMMIT then runs the
 * deferred check that every entry has its postings.
 *
 * <p>Runs as a role that bypasses row-level security (superuser or BYPASSRLS), since it writes
 * every tenant's rows.
 */
public final class LedgerRestore {

  private static final String LEDGER = LedgerDatabase.SCHEMA;
  private static final List<String> STAGED =
      List.of(
          "accounts",
          "journal_entries",
          "postings",
          "reversed_sources",
          "daily_balances",
          "archived_months");

  private LedgerRestore() {}

  /** The ledger schema alone, standard limits. */
  public static RestoreOutcome restore(DataSource owner, Path dir) {
    return restore(owner, dir, List.of(), BackupLimits.standard());
  }

  /**
   * @param owner connects as a role that bypasses row-level security and may run the migrations
   * @param dir a backup folder written by {@link LedgerBackup}
   * @param otherMigrations the migrations of the other schemas in the backup (e.g. {@code
   *     CaseworkDatabase::migrate}), run after the ledger's
   * @throws UncheckedIOException if a file cannot be read
   * @throws IllegalStateException on database errors other than the refusals
   */
  public static RestoreOutcome restore(
      DataSource owner, Path dir, List<Consumer<DataSource>> otherMigrations, BackupLimits limits) {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(otherMigrations, "otherMigrations");
    Objects.requireNonNull(limits, "limits");
    BackupManifest.ReadResult read = BackupManifest.read(dir);
    if (read.problem() != null) {
      return new RestoreOutcome.Refused(Reason.MANIFEST_INVALID, read.problem());
    }
    BackupManifest manifest = read.manifest();
    for (String required : List.of("accounts", "journal_entries", "postings")) {
      if (manifest.table(LEDGER, required).isEmpty()) {
        return new RestoreOutcome.Refused(
            Reason.MANIFEST_INVALID, "the backup holds no " + LEDGER + "." + required);
      }
    }
    Optional<RestoreOutcome> refused = overLimits(manifest, limits);
    if (refused.isEmpty()) {
      refused = filesDiffer(manifest, dir);
    }
    if (refused.isPresent()) {
      return refused.get();
    }
    Set<String> schemas = new LinkedHashSet<>();
    schemas.add(LEDGER);
    manifest.tables().forEach(t -> schemas.add(t.schema()));
    manifest.schemaVersions().forEach(v -> schemas.add(v.schema()));
    try (Connection c = owner.getConnection()) {
      if (!Catalog.bypassesRowSecurity(c)) {
        return new RestoreOutcome.Refused(
            Reason.ROLE_SUBJECT_TO_ROW_SECURITY,
            "the restoring role must be a superuser or have BYPASSRLS");
      }
      Optional<String> occupied = firstTableWithRows(c, schemas);
      if (occupied.isPresent()) {
        return new RestoreOutcome.Refused(
            Reason.TARGET_NOT_EMPTY, occupied.get() + " already holds rows");
      }
      LedgerDatabase.migrate(owner);
      otherMigrations.forEach(m -> m.accept(owner));
      refused = newerThanCode(c, manifest);
      if (refused.isPresent()) {
        return refused.get();
      }
      return new Run(c, dir, manifest, List.copyOf(schemas)).restore();
    } catch (SQLException e) {
      throw new IllegalStateException("restore failed: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("restore failed", e);
    }
  }

  private static Optional<RestoreOutcome> overLimits(BackupManifest manifest, BackupLimits limits) {
    long bytes = 0;
    for (BackupTable t : manifest.tables()) {
      if (t.rows() > limits.maxRowsPerTable()) {
        return Optional.of(
            new RestoreOutcome.Refused(
                Reason.OVER_LIMITS,
                t.qualifiedName()
                    + " has "
                    + t.rows()
                    + " rows, over "
                    + limits.maxRowsPerTable()));
      }
      bytes += t.bytes();
    }
    if (bytes > limits.maxBackupBytes()) {
      return Optional.of(
          new RestoreOutcome.Refused(
              Reason.OVER_LIMITS, bytes + " bytes, over " + limits.maxBackupBytes()));
    }
    return Optional.empty();
  }

  /**
   * Every file is there with the size and SHA-256 the manifest names, before anything is written.
   */
  private static Optional<RestoreOutcome> filesDiffer(BackupManifest manifest, Path dir) {
    for (BackupTable t : manifest.tables()) {
      Path file = dir.resolve(t.file());
      try {
        if (!Files.isRegularFile(file) || Files.size(file) != t.bytes()) {
          return Optional.of(
              new RestoreOutcome.Refused(
                  Reason.CHECKSUM_MISMATCH, file + " is missing or not " + t.bytes() + " bytes"));
        }
        MessageDigest sha = CheckFigures.sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
          in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        String actual = HexFormat.of().formatHex(sha.digest());
        if (!actual.equals(t.sha256())) {
          return Optional.of(
              new RestoreOutcome.Refused(
                  Reason.CHECKSUM_MISMATCH,
                  file + " has SHA-256 " + actual + ", the manifest says " + t.sha256()));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("reading " + file, e);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> firstTableWithRows(Connection c, Set<String> schemas)
      throws SQLException {
    for (Catalog.Table t : Catalog.dataTables(c, schemas)) {
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "select exists (select 1 from " + Catalog.quote(t.schema(), t.name()) + ")")) {
        rs.next();
        if (rs.getBoolean(1)) {
          return Optional.of(t.qualified());
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<RestoreOutcome> newerThanCode(Connection c, BackupManifest manifest)
      throws SQLException {
    for (SchemaVersion v : manifest.schemaVersions()) {
      Map<String, String> histories = Catalog.historyTables(c, List.of(v.schema()));
      Optional<String> here =
          histories.containsKey(v.schema())
              ? Catalog.schemaVersion(c, v.schema(), histories.get(v.schema()))
              : Optional.empty();
      if (here.isEmpty()
          || MigrationVersion.fromVersion(v.version())
                  .compareTo(MigrationVersion.fromVersion(here.get()))
              > 0) {
        return Optional.of(
            new RestoreOutcome.Refused(
                Reason.SCHEMA_NEWER_THAN_CODE,
                v.schema()
                    + " was backed up at version "
                    + v.version()
                    + ", this code migrates it to "
                    + here.orElse("nothing (are its migrations passed in?)")));
      }
    }
    return Optional.empty();
  }

  /** One restore transaction on one connection. */
  private static final class Run {
    private final Connection c;
    private final Path dir;
    private final BackupManifest manifest;
    private final List<String> schemas;
    private long rows;

    Run(Connection c, Path dir, BackupManifest manifest, List<String> schemas) {
      this.c = c;
      this.dir = dir;
      this.manifest = manifest;
      this.schemas = schemas;
    }

    RestoreOutcome restore() throws SQLException, IOException {
      c.setAutoCommit(false);
      boolean committed = false;
      try {
        try (Statement s = c.createStatement()) {
          LedgerBackup.sessionSettings(s);
        }
        Optional<RestoreOutcome> refused = restoreRows();
        if (refused.isPresent()) {
          return refused.get();
        }
        c.commit();
        committed = true;
        return new RestoreOutcome.Restored(manifest, rows);
      } catch (SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("22") || state.startsWith("23") || state.equals("P0001")) {
          return new RestoreOutcome.Refused(Reason.INTEGRITY_CHECK_REFUSED, e.getMessage());
        }
        if (state.equals("42703") || state.equals("42P01")) {
          return new RestoreOutcome.Refused(Reason.SCHEMA_MISMATCH, e.getMessage());
        }
        throw e;
      } finally {
        if (!committed) {
          c.rollback();
        }
        c.setAutoCommit(true);
      }
    }

    private Optional<RestoreOutcome> restoreRows() throws SQLException, IOException {
      Map<String, Catalog.Table> target = new LinkedHashMap<>();
      for (Catalog.Table t : Catalog.dataTables(c, schemas)) {
        target.put(t.qualified(), t);
      }
      for (BackupTable t : manifest.tables()) {
        if (!target.containsKey(t.qualifiedName())) {
          return refuse(Reason.SCHEMA_MISMATCH, t.qualifiedName() + " does not exist here");
        }
      }
      for (String table : STAGED) {
        Optional<BackupTable> file = manifest.table(LEDGER, table);
        if (file.isPresent()) {
          execute(
              "create temp table "
                  + staged(table)
                  + " (like "
                  + Catalog.quote(LEDGER, table)
                  + ") on commit drop");
          Optional<RestoreOutcome> refused = copyIn(file.get(), staged(table));
          if (refused.isPresent()) {
            return refused;
          }
        }
      }
      // The months' partitions, through the database's own function, in this transaction.
      execute(
          "select ledger.ledger_ensure_month(m) from (select date_trunc('month', booked_at, 'UTC')"
              + " as m from restore_journal_entries union select date_trunc('month', booked_at,"
              + " 'UTC') from restore_postings) months");
      for (String tenant : stagedTenants()) {
        bookTenant(tenant);
      }
      Optional<RestoreOutcome> refused = restoreDerived();
      if (refused.isPresent()) {
        return refused;
      }
      if (manifest.table(LEDGER, "archived_months").isPresent()) {
        insertAll("archived_months", "");
      }
      for (Catalog.Table t : target.values()) {
        if (t.schema().equals(LEDGER) && STAGED.contains(t.name())) {
          continue;
        }
        Optional<BackupTable> file = manifest.table(t.schema(), t.name());
        if (file.isPresent()) {
          refused = copyIn(file.get(), Catalog.quote(t.schema(), t.name()));
          if (refused.isPresent()) {
            return refused;
          }
        }
      }
      refused = restoreSequences();
      if (refused.isEmpty()) {
        refused = countsDiffer();
      }
      if (refused.isEmpty()) {
        refused = figuresDiffer();
      }
      return refused;
    }

    private static String staged(String table) {
      return "restore_" + table;
    }

    /** COPY of one file, hashed again while read: a file swapped after the check is refused. */
    private Optional<RestoreOutcome> copyIn(BackupTable t, String into)
        throws SQLException, IOException {
      Path file = dir.resolve(t.file());
      MessageDigest sha = CheckFigures.sha256();
      long copied;
      try (InputStream raw = new DigestInputStream(Files.newInputStream(file), sha);
          InputStream in = new GZIPInputStream(raw, 1 << 16)) {
        copied =
            c.unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn(
                    "copy "
                        + into
                        + " ("
                        + Catalog.columnList(t.columns())
                        + ") from stdin with (format csv, header match, encoding 'UTF8')",
                    in);
        raw.transferTo(java.io.OutputStream.nullOutputStream());
      }
      if (!HexFormat.of().formatHex(sha.digest()).equals(t.sha256())) {
        return refuse(Reason.CHECKSUM_MISMATCH, file + " changed while it was restored");
      }
      if (copied != t.rows()) {
        return refuse(
            Reason.RESTORED_DIFFERS,
            file + " holds " + copied + " rows, the manifest says " + t.rows());
      }
      rows += copied;
      return Optional.empty();
    }

    private List<String> stagedTenants() throws SQLException {
      List<String> tenants = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "select tenant_id from restore_accounts union select tenant_id from"
                      + " restore_journal_entries union select tenant_id from restore_postings"
                      + " order by 1")) {
        while (rs.next()) {
          tenants.add(rs.getString(1));
        }
      }
      return tenants;
    }

    /** One tenant's ledger, booked as a writer would have: each entry with its postings. */
    private void bookTenant(String tenant) throws SQLException {
      try (PreparedStatement s =
          c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
        s.setString(1, tenant);
        s.execute();
      }
      insertAll("accounts", "where s.tenant_id = ? order by s.account", tenant);
      for (boolean reversals : new boolean[] {false, true}) {
        String kind = reversals ? "is not null" : "is null";
        insertAll(
            "journal_entries",
            "where s.tenant_id = ? and s.reverses_source_id "
                + kind
                + " order by s.booked_at, s.entry_id",
            tenant);
        insertAll(
            "postings",
            "join restore_journal_entries e on e.tenant_id = s.tenant_id"
                + " and e.entry_id = s.entry_id and e.booked_at = s.booked_at"
                + " where s.tenant_id = ? and e.reverses_source_id "
                + kind
                + " order by s.booked_at, s.entry_id, s.line_no",
            tenant);
      }
    }

    private void insertAll(String table, String rest, String... parameters) throws SQLException {
      List<String> columns = manifest.table(LEDGER, table).orElseThrow().columns();
      StringBuilder select = new StringBuilder();
      for (String col : columns) {
        select.append(select.length() == 0 ? "" : ", ").append("s.").append(Catalog.quote(col));
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "insert into "
                  + Catalog.quote(LEDGER, table)
                  + " ("
                  + Catalog.columnList(columns)
                  + ") select "
                  + select
                  + " from "
                  + staged(table)
                  + " s "
                  + rest)) {
        for (int i = 0; i < parameters.length; i++) {
          s.setString(i + 1, parameters[i]);
        }
        s.executeUpdate();
      }
    }

    /**
     * The derived tables as the triggers rebuilt them must equal the backup's copy; rows of
     * archived months (no postings left to derive them from) come from the backup.
     */
    private Optional<RestoreOutcome> restoreDerived() throws SQLException {
      boolean archived = manifest.table(LEDGER, "archived_months").isPresent();
      if (manifest.table(LEDGER, "daily_balances").isPresent()) {
        String key = "tenant_id, account, currency, day";
        if (archived) {
          execute(
              "insert into ledger.daily_balances ("
                  + key
                  + ", debit_minor, credit_minor) select "
                  + key
                  + ", debit_minor, credit_minor from restore_daily_balances s"
                  + " where date_trunc('month', s.day)::date in (select month from"
                  + " restore_archived_months) and not exists (select 1 from ledger.daily_balances"
                  + " d where (d.tenant_id, d.account, d.currency, d.day) = (s.tenant_id,"
                  + " s.account, s.currency, s.day))");
        }
        long differing = symmetricDifference("daily_balances", key + ", debit_minor, credit_minor");
        if (differing > 0) {
          return refuse(
              Reason.RESTORED_DIFFERS,
              differing + " daily balance rows differ from those the postings give");
        }
      }
      if (manifest.table(LEDGER, "reversed_sources").isPresent()) {
        String columns = "tenant_id, source_id, reversal_entry_id, reversal_booked_at";
        if (archived) {
          execute(
              "insert into ledger.reversed_sources ("
                  + columns
                  + ", written_by_xact) select "
                  + columns
                  + ", pg_current_xact_id() from restore_reversed_sources s"
                  + " where date_trunc('month', s.reversal_booked_at, 'UTC')::date in"
                  + " (select month from restore_archived_months) and not exists (select 1 from"
                  + " ledger.reversed_sources r where (r.tenant_id, r.source_id) ="
                  + " (s.tenant_id, s.source_id))");
        }
        long differing = symmetricDifference("reversed_sources", columns);
        if (differing > 0) {
          return refuse(
              Reason.RESTORED_DIFFERS,
              differing + " rows of the reversal register differ from those the entries give");
        }
      }
      return Optional.empty();
    }

    private long symmetricDifference(String table, String columns) throws SQLException {
      String restored = "select " + columns + " from " + Catalog.quote(LEDGER, table);
      String backedUp = "select " + columns + " from " + staged(table);
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "select count(*) from (("
                      + restored
                      + " except all "
                      + backedUp
                      + ") union all ("
                      + backedUp
                      + " except all "
                      + restored
                      + ")) d")) {
        rs.next();
        return rs.getLong(1);
      }
    }

    private Optional<RestoreOutcome> restoreSequences() throws SQLException {
      for (SequenceValue v : manifest.sequences()) {
        String name = Catalog.quote(v.schema(), v.sequence());
        try (PreparedStatement s = c.prepareStatement("select to_regclass(?) is not null")) {
          s.setString(1, name);
          try (ResultSet rs = s.executeQuery()) {
            rs.next();
            if (!rs.getBoolean(1)) {
              return refuse(Reason.SCHEMA_MISMATCH, "sequence " + name + " does not exist here");
            }
          }
        }
        if (v.lastValue() != null) {
          try (PreparedStatement s = c.prepareStatement("select setval(?::regclass, ?, true)")) {
            s.setString(1, name);
            s.setLong(2, v.lastValue());
            s.execute();
          }
        }
      }
      return Optional.empty();
    }

    private Optional<RestoreOutcome> countsDiffer() throws SQLException {
      for (BackupTable t : manifest.tables()) {
        try (Statement s = c.createStatement();
            ResultSet rs =
                s.executeQuery("select count(*) from " + Catalog.quote(t.schema(), t.table()))) {
          rs.next();
          long here = rs.getLong(1);
          if (here != t.rows()) {
            return refuse(
                Reason.RESTORED_DIFFERS,
                t.qualifiedName() + " has " + here + " rows restored, the backup " + t.rows());
          }
        }
      }
      return Optional.empty();
    }

    private Optional<RestoreOutcome> figuresDiffer() throws SQLException {
      LedgerFigures expected = manifest.ledger();
      LedgerFigures restored = CheckFigures.all(c, expected.snapshotAt());
      if (restored.equals(expected)) {
        return Optional.empty();
      }
      for (TenantFigures e : expected.tenants()) {
        Optional<TenantFigures> r =
            restored.tenants().stream().filter(t -> t.tenantId().equals(e.tenantId())).findFirst();
        if (r.isEmpty() || !r.get().equals(e)) {
          return refuse(
              Reason.RESTORED_DIFFERS,
              "check figures of tenant " + e.tenantId() + " differ: " + r.orElse(null));
        }
      }
      return refuse(
          Reason.RESTORED_DIFFERS, "the restored ledger holds tenants the backup does not");
    }

    private void execute(String sql) throws SQLException {
      try (Statement s = c.createStatement()) {
        s.execute(sql);
      }
    }

    private static Optional<RestoreOutcome> refuse(Reason reason, String detail) {
      return Optional.of(new RestoreOutcome.Refused(reason, detail));
    }
  }
}
