package dev.rehearsal.database;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * One connection lent again and again to the reading done within one step, such as the hundreds of snapshots and
 * changelog reads of a round-trip: on a server, connecting costs more than most of those reads. Borrowers close what
 * they borrow as usual; that close is ignored, and {@link #close()} closes the connection for real.
 *
 * <p>Only Rehearsal's own reading runs on it. Migrations, rollbacks and scenario SQL keep connecting afresh, so no
 * session state a script leaves behind (temporary tables, settings) is ever seen by a check.
 */
public final class ReusedConnection implements Connector, AutoCloseable {

  private final Connector connector;
  private Connection connection;

  public ReusedConnection(Connector connector) {
    this.connector = connector;
  }

  /** The shared connection (opened on first use, or again if it was lost), in auto-commit mode. */
  @Override
  public synchronized Connection connect() {
    try {
      if (connection == null || connection.isClosed()) {
        connection = connector.connect();
      }
      if (!connection.getAutoCommit()) {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw DatabaseException.of("cannot reuse the reading connection", e);
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
