package dev.recon.ledger.sink;

import java.io.Serializable;
import java.util.Objects;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Where a Flink ledger sink writes: a PostgreSQL JDBC URL and a login of the application role. It
 * travels inside the job graph, so a secret store is the better source of the password at scale;
 * {@link #toString()} never prints it.
 */
public record LedgerConnectionSpec(String jdbcUrl, String user, String password)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final String JDBC_URL_PREFIX = "jdbc:postgresql:";

  public LedgerConnectionSpec {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    if (!jdbcUrl.startsWith(JDBC_URL_PREFIX)) {
      throw new IllegalArgumentException("jdbcUrl must start with " + JDBC_URL_PREFIX);
    }
  }

  /** A new unpooled data source; each ledger write opens one connection per tenant. */
  public DataSource dataSource() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(jdbcUrl);
    dataSource.setUser(user);
    dataSource.setPassword(password);
    dataSource.setApplicationName("recon-ledger-sink");
    return dataSource;
  }

  @Override
  public String toString() {
    return "LedgerConnectionSpec[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=***]";
  }
}
