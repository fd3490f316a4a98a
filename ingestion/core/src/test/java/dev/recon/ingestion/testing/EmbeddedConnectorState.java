package dev.recon.ingestion.testing;

import dev.recon.ingestion.store.IngestionDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * An embedded PostgreSQL 17 on 127.0.0.1 with the ingestion schema migrated and a password-checked
 * login that is a member of recon_app (owns nothing, bypasses nothing). Shared with the connector
 * modules' tests through this module's test jar.
 */
public final class EmbeddedConnectorState implements AutoCloseable {

  public static final String APP_LOGIN = "recon_ingestion_it";
  private static final String SUPERUSER = "postgres";

  private final EmbeddedPostgres postgres;
  private final String appPassword;

  private EmbeddedConnectorState(EmbeddedPostgres postgres, String appPassword) {
    this.postgres = postgres;
    this.appPassword = appPassword;
  }

  public static EmbeddedConnectorState start(Path dataDirectory) throws IOException, SQLException {
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDirectory)
            .setCleanDataDirectory(true)
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("password_encryption", "scram-sha-256")
            .start();
    try {
      Files.writeString(
          dataDirectory.resolve("pg_hba.conf"),
          "local all all trust\nhost all "
              + SUPERUSER
              + " 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 scram-sha-256\n",
          StandardCharsets.UTF_8);
      byte[] secret = new byte[24];
      new SecureRandom().nextBytes(secret);
      String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
      EmbeddedConnectorState state = new EmbeddedConnectorState(postgres, password);
      IngestionDatabase.migrate(state.owner());
      try (Connection c = state.owner().getConnection();
          Statement s = c.createStatement()) {
        s.execute("select pg_reload_conf()");
        s.execute(
            "create role "
                + APP_LOGIN
                + " login nosuperuser nobypassrls inherit password '"
                + password
                + "'");
        s.execute("grant recon_app to " + APP_LOGIN);
      }
      return state;
    } catch (IOException | SQLException | RuntimeException e) {
      postgres.close();
      throw e;
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
  }

  /** The superuser that owns the schema. */
  public DataSource owner() {
    return dataSource(SUPERUSER, null);
  }

  /** The application login, subject to row-level security. */
  public DataSource app() {
    return dataSource(APP_LOGIN, appPassword);
  }

  private DataSource dataSource(String user, String password) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setServerNames(new String[] {"127.0.0.1"});
    ds.setPortNumbers(new int[] {postgres.getPort()});
    ds.setDatabaseName("postgres");
    ds.setUser(user);
    if (password != null) {
      ds.setPassword(password);
    }
    return ds;
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
