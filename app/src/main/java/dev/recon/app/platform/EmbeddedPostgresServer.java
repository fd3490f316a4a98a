package dev.recon.app.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL 17 (zonky's embedded binaries, no install step) listening on 127.0.0.1 on a free port.
 *
 * <p>Persistent instances keep their cluster in the caller's data folder and find it again on the
 * next start; temporary ones live in a temp folder that is deleted on close. Either way the server
 * has a {@value #DATABASE} database, reached by the superuser {@value #SUPERUSER} without a
 * password over loopback; every other role must log in with its password (scram-sha-256), so the
 * application login's credentials mean the same as on a real server.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

  /** zonky's initdb superuser; it owns the database and runs migrations in embedded mode. */
  public static final String SUPERUSER = "postgres";

  /** The application's database, created on first start. */
  public static final String DATABASE = "recon";

  private static final String POSTGRES_DATABASE = "postgres";
  private static final String HBA_FILE = "pg_hba.conf";
  private static final String HBA_MARKER = "# recon embedded access rules";

  /**
   * Only the superuser may skip the password, and only on this machine: zonky checks readiness by
   * logging in as it without one.
   */
  private static final String HBA_RULES =
      HBA_MARKER
          + "\n"
          + "local all "
          + SUPERUSER
          + " trust\n"
          + "host  all "
          + SUPERUSER
          + " 127.0.0.1/32 trust\n"
          + "local all all scram-sha-256\n"
          + "host  all all 127.0.0.1/32 scram-sha-256\n";

  /**
   * Finds zonky's binaries archive on the classpath. zonky's default resolver refuses to start when
   * it sees the archive twice, which happens when a test classpath holds both the packaged recon
   * jar (whose manifest names lib/*.jar) and the Maven repository copies; any copy will do.
   */
  private static final PgBinaryResolver FIRST_ON_CLASSPATH =
      (system, architecture) -> {
        String name = "postgres-" + system.toLowerCase(Locale.ROOT) + "-" + architecture + ".txz";
        InputStream archive =
            EmbeddedPostgresServer.class.getClassLoader().getResourceAsStream(name);
        if (archive == null) {
          throw new IOException("No embedded PostgreSQL binaries " + name + " on the classpath");
        }
        return archive;
      };

  /** zonky waits 10 s by default; a first start on a busy two-core machine can take longer. */
  private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

  private final EmbeddedPostgres postgres;
  private final Path dataDir;
  private final boolean deleteOnClose;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir, boolean deleteOnClose) {
    this.postgres = postgres;
    this.dataDir = dataDir;
    this.deleteOnClose = deleteOnClose;
  }

  /**
   * Starts PostgreSQL on the cluster in {@code dataDir}, creating it if the folder holds none, and
   * leaves it there on close.
   */
  public static EmbeddedPostgresServer startPersistent(Path dataDir) throws IOException {
    Path dir = dataDir.toAbsolutePath();
    Files.createDirectories(dir);
    OrphanedPostmaster.stopIfAny(dir);
    // Durable commits: the ledger sink acknowledges a checkpoint only after its rows are on disk.
    // zonky starts the server with -F (no fsync); a later -c fsync=on wins.
    return start(
        builder().setDataDirectory(dir).setCleanDataDirectory(false).setServerConfig("fsync", "on"),
        dir,
        "on",
        false);
  }

  /**
   * Starts PostgreSQL on a new cluster in a temp folder that is deleted on close. The cluster is a
   * copy of one initialised once per JVM.
   */
  public static EmbeddedPostgresServer startTemporary() throws IOException {
    Path dir = Files.createTempDirectory("recon-pg");
    try {
      ClusterTemplate.copyInto(dir);
    } catch (IOException | RuntimeException e) {
      FolderTree.delete(dir);
      throw e;
    }
    // zonky's own clean-up would run initdb over the copy: the folder is deleted in close().
    return start(builder().setDataDirectory(dir).setCleanDataDirectory(false), dir, "off", true);
  }

  private static EmbeddedPostgres.Builder builder() {
    return EmbeddedPostgres.builder()
        .setPgBinaryResolver(FIRST_ON_CLASSPATH)
        .setPGStartupWait(STARTUP_WAIT)
        .setServerConfig("listen_addresses", LoopbackPorts.HOST)
        // Byte-order collation: the same sort order on every machine, whatever its locales.
        .setLocaleConfig("locale", "C");
  }

  private static EmbeddedPostgresServer start(
      EmbeddedPostgres.Builder builder, Path dir, String synchronousCommit, boolean deleteOnClose)
      throws IOException {
    long startedAt = System.nanoTime();
    EmbeddedPostgres postgres;
    try {
      postgres = builder.setServerConfig("synchronous_commit", synchronousCommit).start();
    } catch (IOException | RuntimeException e) {
      if (deleteOnClose) {
        FolderTree.delete(dir);
      }
      throw e;
    }
    EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, dir, deleteOnClose);
    try {
      server.requirePasswordsForOtherRoles();
      server.createDatabaseIfMissing();
    } catch (IOException | SQLException | RuntimeException e) {
      server.close();
      throw new IOException("Embedded PostgreSQL started but could not be prepared", e);
    }
    LOG.info(
        "Embedded PostgreSQL started on {}:{} in {} ms (data dir {})",
        LoopbackPorts.HOST,
        postgres.getPort(),
        (System.nanoTime() - startedAt) / 1_000_000,
        dir);
    return server;
  }

  public int port() {
    return postgres.getPort();
  }

  public Path dataDir() {
    return dataDir;
  }

  /** {@code jdbc:postgresql://127.0.0.1:<port>/<database>}, with no credentials in it. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + LoopbackPorts.HOST + ":" + port() + "/" + database;
  }

  /** The {@value #DATABASE} database as {@value #SUPERUSER}. */
  public DataSource reconDataSource() {
    return dataSource(DATABASE, SUPERUSER, null);
  }

  /** The {@code postgres} maintenance database as {@value #SUPERUSER}. */
  public DataSource postgresDataSource() {
    return dataSource(POSTGRES_DATABASE, SUPERUSER, null);
  }

  /** A database on this server as the given login; {@code password} may be null. */
  public DataSource dataSource(String database, String user, String password) {
    return PostgresDataSources.of(jdbcUrl(database), user, password);
  }

  /** Stops the server (fast shutdown) and, for a temporary instance, deletes its folder. */
  @Override
  public void close() throws IOException {
    postgres.close();
    if (deleteOnClose) {
      FolderTree.delete(dataDir);
    }
  }

  private void requirePasswordsForOtherRoles() throws IOException, SQLException {
    Path hba = dataDir.resolve(HBA_FILE);
    String current = Files.readString(hba, StandardCharsets.UTF_8);
    if (current.startsWith(HBA_MARKER)) {
      return;
    }
    Files.writeString(hba, HBA_RULES, StandardCharsets.UTF_8);
    try (Connection c = postgresDataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select pg_reload_conf()")) {
      if (!rs.next() || !rs.getBoolean(1)) {
        throw new SQLException("PostgreSQL refused to reload " + HBA_FILE);
      }
    }
  }

  private void createDatabaseIfMissing() throws SQLException {
    try (Connection c = postgresDataSource().getConnection()) {
      try (PreparedStatement exists =
          c.prepareStatement("select 1 from pg_database where datname = ?")) {
        exists.setString(1, DATABASE);
        try (ResultSet rs = exists.executeQuery()) {
          if (rs.next()) {
            return;
          }
        }
      }
      try (Statement create = c.createStatement()) {
        // A constant identifier: CREATE DATABASE takes no bind parameters.
        create.execute("create database " + DATABASE);
      }
    }
  }
}
