package dev.recon.ledger.db;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Keeps up to {@code maxIdle} connections of another data source open after use and hands them out
 * again, so that a {@link LedgerWriter} over an unpooled data source does not open a connection
 * (fork a backend, authenticate, warm its caches) for every tenant transaction. Close it to close
 * the idle connections; connections on loan are closed when they come back.
 *
 * <p>A connection is only kept if it comes back in auto-commit mode, open and answering: one
 * returned inside a transaction or after a failure that broke it is closed. Every write of the
 * ledger sets its tenant and planner settings local to its transaction and drops its staging tables
 * at commit, so nothing of one tenant's transaction is left on a kept connection. Thread-safe.
 */
public final class HeldConnections implements DataSource, AutoCloseable {

  /** Seconds a returned connection has to answer the liveness check before it is dropped. */
  public static final int VALID_TIMEOUT_SECONDS = 2;

  public static final int MAX_IDLE_LIMIT = 64;

  private final DataSource source;
  private final int maxIdle;
  private final Deque<Connection> idle = new ArrayDeque<>();
  private boolean closed;

  /**
   * @param source where connections come from
   * @param maxIdle connections kept open between uses, 1..{@value #MAX_IDLE_LIMIT} (for a {@link
   *     LedgerWriter}: {@link LedgerWriter#TENANT_PARALLELISM})
   */
  public HeldConnections(DataSource source, int maxIdle) {
    this.source = Objects.requireNonNull(source, "source");
    if (maxIdle < 1 || maxIdle > MAX_IDLE_LIMIT) {
      throw new IllegalArgumentException("maxIdle must be within 1.." + MAX_IDLE_LIMIT);
    }
    this.maxIdle = maxIdle;
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection held;
    synchronized (this) {
      if (closed) {
        throw new SQLException("HeldConnections is closed");
      }
      held = idle.pollFirst();
    }
    Connection real = held != null ? held : source.getConnection();
    return (Connection)
        Proxy.newProxyInstance(
            HeldConnections.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            new Loan(real));
  }

  /** Called when a loaned connection is closed by its user. */
  private void giveBack(Connection real) throws SQLException {
    boolean keep;
    try {
      keep = !real.isClosed() && real.getAutoCommit() && real.isValid(VALID_TIMEOUT_SECONDS);
    } catch (SQLException e) {
      keep = false;
    }
    if (keep) {
      synchronized (this) {
        if (!closed && idle.size() < maxIdle) {
          idle.addFirst(real);
          return;
        }
      }
    }
    real.close();
  }

  @Override
  public void close() throws SQLException {
    SQLException first = null;
    synchronized (this) {
      closed = true;
      for (Connection c : idle) {
        try {
          c.close();
        } catch (SQLException e) {
          if (first == null) {
            first = e;
          } else {
            first.addSuppressed(e);
          }
        }
      }
      idle.clear();
    }
    if (first != null) {
      throw first;
    }
  }

  /** One use of a connection: closing it gives it back; after that it refuses every call. */
  private final class Loan implements InvocationHandler {
    private Connection real;

    Loan(Connection real) {
      this.real = real;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      if (name.equals("close")) {
        Connection returned = real;
        real = null;
        if (returned != null) {
          giveBack(returned);
        }
        return null;
      }
      if (name.equals("isClosed") && method.getParameterCount() == 0) {
        return real == null || real.isClosed();
      }
      if (name.equals("equals") && method.getParameterCount() == 1) {
        return proxy == args[0];
      }
      if (name.equals("hashCode") && method.getParameterCount() == 0) {
        return System.identityHashCode(proxy);
      }
      if (name.equals("toString") && method.getParameterCount() == 0) {
        return "HeldConnections.Loan[" + real + "]";
      }
      Connection c = real;
      if (c == null) {
        throw new SQLException("connection already given back");
      }
      try {
        return method.invoke(c, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("HeldConnections uses its source's credentials");
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return source.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    source.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    source.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return source.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return source.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("not a wrapper of " + iface.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
