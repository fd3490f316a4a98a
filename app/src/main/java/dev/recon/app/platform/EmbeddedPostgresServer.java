package dev.recon.app.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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

  private final EmbeddedPostgres postgres;
  private final Path dataDir;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir) {
    this.postgres = postgres;
    this.dataDir = dataDir;
  }

  /**
   * Starts PostgreSQL on the cluster in {@code dataDir}, creating it if the folder holds none, and
   * leaves it there on close.
   */
  public static EmbeddedPostgresServer startPersistent(Path dataDir) throws IOException {
    Path dir = dataDir.toAbsolutePath();
    Files.createDirectories(dir);
    // Durable commits: the ledger sink acknowledges a checkpoint only after its rows are on disk.
    return start(builder().setDataDirectory(dir).setCleanDataDirectory(false), dir, "on");
  }

  /** Starts PostgreSQL on a new cluster in a temp folder that is deleted on close. */
  public static EmbeddedPostgresServer startTemporary() throws IOException {
    Path dir = Files.createTempDirectory("recon-pg");
    return start(builder().setDataDirectory(dir).setCleanDataDirectory(true), dir, "off");
  }

  private static EmbeddedPostgres.Builder builder() {
    return EmbeddedPostgres.builder()
        .setServerConfig("listen_addresses", LoopbackPorts.HOST)
        // Byte-order collation: the same sort order on every machine, whatever its locales.
        .setLocaleConfig("locale", "C");
  }

  private static EmbeddedPostgresServer start(
      EmbeddedPostgres.Builder builder, Path dir, String synchronousCommit) throws IOException {
    long startedAt = System.nanoTime();
    EmbeddedPostgres postgres =
        builder.setServerConfig("synchronous_commit", synchronousCommit).start();
    EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, dir);
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
