package dev.recon.ledger.db;

import dev.recon.ledger.sink.LedgerConnectionSpec;
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
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * An embedded PostgreSQL 17 on 127.0.0.1 with the ledger migrated (and whatever schemas a module
 * adds on top) and an application login provisioned. The superuser connects without a password
 * (trust); every other role must present its SCRAM password, so the application login is really
 * authenticated. Shared with the reporting modules' tests through this module's test jar.
 */
public final class EmbeddedLedger implements AutoCloseable {

  public static final String APP_LOGIN = "recon_ledger_it";
  public static final String DATABASE = "postgres";
  private static final String SUPERUSER = "postgres";

  private final EmbeddedPostgres postgres;
  private final String appLogin;
  private final String appPassword;

  private EmbeddedLedger(EmbeddedPostgres postgres, String appLogin, String appPassword) {
    this.postgres = postgres;
    this.appLogin = appLogin;
    this.appPassword = appPassword;
  }

  public static EmbeddedLedger start(Path dataDirectory) throws IOException, SQLException {
    return start(dataDirectory, APP_LOGIN, owner -> {});
  }

  /**
   * @param appLogin the application login to provision (one per module keeps their logs apart)
   * @param moreSchemas migrates a module's own schemas as the owner, after the ledger's and before
   *     the application login is provisioned, so the login gets their grants too
   */
  public static EmbeddedLedger start(
      Path dataDirectory, String appLogin, Consumer<DataSource> moreSchemas)
      throws IOException, SQLException {
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
          "local all all trust\n"
              + "host all "
              + SUPERUSER
              + " 127.0.0.1/32 trust\n"
              + "host all all 127.0.0.1/32 scram-sha-256\n",
          StandardCharsets.UTF_8);
      byte[] secret = new byte[24];
      new SecureRandom().nextBytes(secret);
      String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
      EmbeddedLedger ledger = new EmbeddedLedger(postgres, appLogin, password);
      try (Connection c = ledger.owner().getConnection();
          Statement s = c.createStatement()) {
        s.execute("select pg_reload_conf()");
      }
      LedgerDatabase.migrate(ledger.owner());
      moreSchemas.accept(ledger.owner());
      LedgerDatabase.provisionAppLogin(ledger.owner(), appLogin, password.toCharArray());
      return ledger;
    } catch (IOException | SQLException | RuntimeException e) {
      postgres.close();
      throw e;
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
  }

  /** The superuser that owns the schema. */
  public DataSource owner() {
    return dataSource(SUPERUSER, null);
  }

  /** The application login. */
  public DataSource app() {
    return dataSource(appLogin, appPassword);
  }

  public LedgerConnectionSpec appSpec() {
    return new LedgerConnectionSpec(jdbcUrl(), appLogin, appPassword);
  }

  public DataSource dataSource(String user, String password) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(jdbcUrl());
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
