package dev.recon.ledger.backup;

import dev.recon.ledger.backup.BackupOutcome.Reason;
import dev.recon.ledger.db.LedgerDatabase;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * A logical backup the platform takes itself (no pg_dump needed): every data table of the ledger
 * schema and of the other schemas named, read in ONE repeatable-read, read-only transaction (one
 * consistent snapshot), each copied out with {@code COPY ... TO STDOUT} as gzip CSV, ordered by its
 * primary key (so chained rows such as an audit trail restore in order), plus a {@value
 * BackupManifest#FILE_NAME} with the Flyway version of each schema, row count and SHA-256 of each
 * file, sequence values and the ledger's check figures taken in the same snapshot.
 *
 * <p>Runs as a role that bypasses row-level security (superuser or BYPASSRLS), like pg_dump, and
 * refuses any other: a role under the tenant policies would silently back up nothing.
 */
public final class LedgerBackup {

  private static final int BUFFER_BYTES = 1 << 16;

  private LedgerBackup() {}

  /** The ledger schema alone, standard limits. */
  public static BackupOutcome write(DataSource owner, Path dir) {
    return write(owner, dir, List.of(), BackupLimits.standard());
  }

  /**
   * @param owner connects as a role that bypasses row-level security
   * @param dir the backup folder: created if missing, refused unless empty
   * @param otherSchemas schemas backed up with the ledger in the same snapshot (e.g. casework,
   *     access, ingestion)
   * @throws UncheckedIOException if files cannot be written
   * @throws IllegalStateException on database errors
   */
  public static BackupOutcome write(
      DataSource owner, Path dir, List<String> otherSchemas, BackupLimits limits) {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(limits, "limits");
    Set<String> schemas = new LinkedHashSet<>();
    schemas.add(LedgerDatabase.SCHEMA);
    for (String s : otherSchemas) {
      if (!BackupManifest.NAME.matcher(s).matches()) {
        throw new IllegalArgumentException("not a schema name: " + s);
      }
      schemas.add(s);
    }
    try {
      if (Files.exists(dir) && !isEmptyDirectory(dir)) {
        return new BackupOutcome.Refused(Reason.DIRECTORY_NOT_EMPTY, dir + " is not empty");
      }
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("backup folder " + dir, e);
    }
    List<Path> written = new ArrayList<>();
    try (Connection c = owner.getConnection()) {
      BackupOutcome outcome = new Run(c, dir, List.copyOf(schemas), limits, written).write();
      if (outcome instanceof BackupOutcome.Refused) {
        delete(written);
      }
      return outcome;
    } catch (SQLException e) {
      delete(written);
      throw new IllegalStateException("backup failed: " + e.getMessage(), e);
    } catch (IOException e) {
      delete(written);
      throw new UncheckedIOException("backup failed", e);
    }
  }

  /**
   * The ledger's check figures alone, in one snapshot: for {@code recon verify-ledger} against a
   * live ledger or one restored by pg_restore or point-in-time recovery.
   *
   * @param owner connects as a role that bypasses row-level security
   * @throws IllegalStateException on database errors or a role subject to row-level security
   */
  public static LedgerFigures figures(DataSource owner) {
    try (Connection c = owner.getConnection()) {
      beginSnapshot(c);
      try {
        if (!Catalog.bypassesRowSecurity(c)) {
          throw new IllegalStateException("check figures need a role that bypasses row security");
        }
        return CheckFigures.all(c, snapshotAt(c));
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("taking the ledger's figures failed: " + e.getMessage(), e);
    }
  }

  static void beginSnapshot(Connection c) throws SQLException {
    c.setAutoCommit(false);
    c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    c.setReadOnly(true);
    try (Statement s = c.createStatement()) {
      sessionSettings(s);
    }
  }

  /**
   * Pins what the text of a value depends on; row_security off makes any query that row-level
   * security would filter fail instead of returning fewer rows.
   */
  static void sessionSettings(Statement s) throws SQLException {
    s.execute("set local timezone = 'UTC'");
    s.execute("set local datestyle = 'ISO, YMD'");
    s.execute("set local intervalstyle = 'iso_8601'");
    s.execute("set local extra_float_digits = 3");
    s.execute("set local bytea_output = 'hex'");
    s.execute("set local row_security = off");
  }

  /** The snapshot of a repeatable-read transaction is taken by its first query: this one. */
  private static String snapshotAt(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select clock_timestamp()")) {
      rs.next();
      return rs.getObject(1, java.time.OffsetDateTime.class).toInstant().toString();
    }
  }

  private static boolean isEmptyDirectory(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  private static void delete(List<Path> files) {
    for (Path f : files) {
      try {
        Files.deleteIfExists(f);
      } catch (IOException e) {
        // best effort: without a manifest the folder is an unfinished backup anyway
      }
    }
  }

  /** One backup on one connection. */
  private static final class Run {
    private final Connection c;
    private final Path dir;
    private final List<String> schemas;
    private final BackupLimits limits;
    private final List<Path> written;
    private long bytes;

    Run(Connection c, Path dir, List<String> schemas, BackupLimits limits, List<Path> written) {
      this.c = c;
      this.dir = dir;
      this.schemas = schemas;
      this.limits = limits;
      this.written = written;
    }

    BackupOutcome write() throws SQLException, IOException {
      beginSnapshot(c);
      try {
        String snapshotAt = snapshotAt(c);
        if (!Catalog.bypassesRowSecurity(c)) {
          return new BackupOutcome.Refused(
              Reason.ROLE_SUBJECT_TO_ROW_SECURITY,
              "the backup role must be a superuser or have BYPASSRLS");
        }
        for (String schema : schemas) {
          if (!Catalog.schemaExists(c, schema)) {
            return new BackupOutcome.Refused(Reason.UNKNOWN_SCHEMA, schema + " does not exist");
          }
        }
        String version;
        int versionNum;
        try (Statement s = c.createStatement();
            ResultSet rs =
                s.executeQuery(
                    "select current_setting('server_version'),"
                        + " current_setting('server_version_num')::int")) {
          rs.next();
          version = rs.getString(1);
          versionNum = rs.getInt(2);
        }
        List<SchemaVersion> versions = new ArrayList<>();
        for (Map.Entry<String, String> h : Catalog.historyTables(c, schemas).entrySet()) {
          Catalog.schemaVersion(c, h.getKey(), h.getValue())
              .ifPresent(v -> versions.add(new SchemaVersion(h.getKey(), h.getValue(), v)));
        }
        List<BackupTable> tables = new ArrayList<>();
        for (Catalog.Table t : Catalog.dataTables(c, schemas)) {
          long rows = count(t);
          if (rows > limits.maxRowsPerTable()) {
            return new BackupOutcome.Refused(
                Reason.TOO_MANY_ROWS,
                t.qualified() + " has " + rows + " rows, over " + limits.maxRowsPerTable());
          }
          BackupTable file = copyOut(t);
          if (file == null) {
            return new BackupOutcome.Refused(
                Reason.TOO_LARGE, "the backup grew past " + limits.maxBackupBytes() + " bytes");
          }
          tables.add(file);
        }
        LedgerFigures figures = CheckFigures.all(c, snapshotAt);
        BackupManifest manifest =
            new BackupManifest(
                BackupManifest.FORMAT,
                snapshotAt,
                version,
                versionNum,
                BackupManifest.COPY_FORMAT,
                versions,
                tables,
                Catalog.sequences(c, schemas),
                figures);
        Path manifestFile = dir.resolve(BackupManifest.FILE_NAME);
        written.add(manifestFile);
        Files.writeString(
            manifestFile, manifest.toJson(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        return new BackupOutcome.Written(manifest, manifestFile);
      } finally {
        c.rollback(); // read only: nothing to keep
      }
    }

    private long count(Catalog.Table t) throws SQLException {
      try (PreparedStatement s =
              c.prepareStatement("select count(*) from " + Catalog.quote(t.schema(), t.name()));
          ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }

    /** The table's file, or null when the size cap was reached. */
    private BackupTable copyOut(Catalog.Table t) throws SQLException, IOException {
      String name = BackupManifest.fileName(t.schema(), t.name());
      Path file = dir.resolve(name);
      String order =
          t.keyColumns().isEmpty() ? "" : " order by " + Catalog.columnList(t.keyColumns());
      String sql =
          "copy (select "
              + Catalog.columnList(t.columns())
              + " from "
              + Catalog.quote(t.schema(), t.name())
              + order
              + ") to stdout with (format csv, header true, encoding 'UTF8')";
      MessageDigest sha = CheckFigures.sha256();
      long rows;
      written.add(file);
      CountingStream counted;
      try (OutputStream raw = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
        counted = new CountingStream(raw, limits.maxBackupBytes() - bytes);
        try (GZIPOutputStream gzip =
            new GZIPOutputStream(new DigestOutputStream(counted, sha), BUFFER_BYTES)) {
          rows = c.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, gzip);
        }
      } catch (CapReached e) {
        return null;
      }
      bytes += counted.count;
      return new BackupTable(
          t.schema(),
          t.name(),
          name,
          t.columns(),
          rows,
          counted.count,
          HexFormat.of().formatHex(sha.digest()));
    }
  }

  /** Thrown into COPY's output when the size cap is reached, which ends the COPY. */
  private static final class CapReached extends IOException {
    private static final long serialVersionUID = 1L;

    CapReached() {
      super("backup size cap reached");
    }
  }

  private static final class CountingStream extends FilterOutputStream {
    private final long cap;
    long count;

    CountingStream(OutputStream out, long cap) {
      super(out);
      this.cap = cap;
    }

    @Override
    public void write(int b) throws IOException {
      grow(1);
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      grow(len);
      out.write(b, off, len);
    }

    private void grow(int n) throws CapReached {
      count += n;
      if (count > cap) {
        throw new CapReached();
      }
    }
  }
}
