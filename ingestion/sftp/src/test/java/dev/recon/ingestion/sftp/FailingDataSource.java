package dev.recon.ingestion.sftp;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Wraps the real database and can make it go away after a number of further connections. */
final class FailingDataSource implements DataSource {

  private final DataSource delegate;
  private int connectionsLeft = -1;

  FailingDataSource(DataSource delegate) {
    this.delegate = delegate;
  }

  /** After {@code connections} more successful connections, every further one fails. */
  synchronized void failAfter(int connections) {
    connectionsLeft = connections;
  }

  synchronized void heal() {
    connectionsLeft = -1;
  }

  private synchronized void check() throws SQLException {
    if (connectionsLeft == 0) {
      throw new SQLException("simulated database outage");
    }
    if (connectionsLeft > 0) {
      connectionsLeft--;
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    check();
    return delegate.getConnection();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    check();
    return delegate.getConnection(username, password);
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    delegate.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    delegate.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return delegate.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return delegate.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return delegate.isWrapperFor(iface);
  }
}
