package dev.recon.app.platform;

import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** Unpooled PostgreSQL data sources from a JDBC URL and a login. */
final class PostgresDataSources {
  private PostgresDataSources() {}

  /** {@code password} may be null (trust or peer authentication). */
  static DataSource of(String jdbcUrl, String user, String password) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(jdbcUrl);
    ds.setUser(user);
    if (password != null) {
      ds.setPassword(password);
    }
    return ds;
  }
}
