package dev.rehearsal.database;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One connection lent again and again within one step, such as to the hundreds of snapshots and changelog reads of a
 * round-trip: on a server, connecting costs more than most of those reads. Borrowers close what they borrow as usual;
 * that close is ignored, and {@link #close()} closes the connection for real.
 *
 * <p>A reading connection ({@link #ReusedConnection(Connector)}) only ever runs Rehearsal's own reading. Migrations
 * and rollbacks get either a new connection each, or, in a round-trip on an engine that can reset a session, one
 * connection reset before each ({@link #resetting}); scenario SQL always connects afresh. So no session state a
 * script leaves behind (temporary tables, settings) is ever seen by a check or by the next script.
 */
public final class ReusedConnection implements Connector, AutoCloseable {

  private final Connector connector;
  /** Run before each lending; null for a reading connection. */
  private final String reset;
  /** Lends a new connection every time (an engine without a session reset). */
  private final boolean newEachTime;
  private Connection connection;

  /** A connection for reading, lent as it is. */
  public ReusedConnection(Connector connector) {
    this(connector, null, false);
  }

  private ReusedConnection(Connector connector, String reset, boolean newEachTime) {
    this.connector = connector;
    this.reset = reset;
    this.newEachTime = newEachTime;
  }

  /**
   * A connection for operations that must each start in a new session (MyBatis's, in a round-trip): lent after
   * {@code reset} (a transaction left open is rolled back first), which makes the session as a new one would be.
   * When the engine has no such statement ({@code reset} null), every {@link #connect()} opens a new connection.
   */
  public static ReusedConnection resetting(Connector connector, String reset) {
    return new ReusedConnection(connector, reset, reset == null);
  }

  /**
   * The shared connection (opened on first use, or again if it was lost), in auto-commit mode, its session reset
   * first when this connection resets.
   */
  @Override
  public synchronized Connection connect() {
    if (newEachTime) {
      return connector.connect();
    }
    try {
      if (connection == null || connection.isClosed()) {
        connection = connector.connect();
      }
      prepare();
    } catch (SQLException e) {
      // An operation may have broken the session (a killed backend, a failed script): start again on a new one.
      closeQuietly();
      connection = connector.connect();
      try {
        prepare();
      } catch (SQLException again) {
        throw DatabaseException.of("cannot reuse the connection", again);
      }
    }
    Connection shared = connection;
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          if (method.getName().equals("close") && method.getParameterCount() == 0) {
            return null;
          }
          try {
            return method.invoke(shared, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private void prepare() throws SQLException {
    if (!connection.getAutoCommit()) {
      connection.rollback();
      connection.setAutoCommit(true);
    }
    if (reset != null) {
      try (Statement statement = connection.createStatement()) {
        statement.execute(reset);
      }
    }
  }

  private void closeQuietly() {
    try {
      connection.close();
    } catch (SQLException e) {
      // it was broken already
    }
    connection = null;
  }

  @Override
  public synchronized void close() {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      throw DatabaseException.of("cannot close the reading connection", e);
    } finally {
      connection = null;
    }
  }
}
