package dev.rehearsal.database.postgres;

import dev.rehearsal.database.DatabaseException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Opens connections to one server, as the door user or as a scratch database's role: named in
 * {@code pg_stat_activity}, retried while a server that was reached restarts, and with the driver's message redacted.
 */
final class PgConnections {

  /** What this process's sessions are called in {@code pg_stat_activity}. */
  static final String APPLICATION_NAME = "rehearsal-" + ProcessHandle.current().pid();

  private static final int RECONNECT_SECONDS = 20;

  private volatile boolean reached;

  /**
   * A new connection. Once the server has been reached, a refused connection or a server still starting up is
   * retried for {@value #RECONNECT_SECONDS} seconds, so that a server restart in the middle of a run costs the
   * scenario that was running, not the ones after it; a server never reached fails at once.
   */
  Connection connect(PgUrl url, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RECONNECT_SECONDS);
    while (true) {
      try {
        Connection connection = DriverManager.getConnection(url.jdbc(), identity(url));
        reached = true;
        return connection;
      } catch (SQLException e) {
        if (!reached || !isTransient(e) || System.nanoTime() > deadline) {
          // The driver's own message may quote the whole URL, password included: redact it.
          SQLException redacted = new SQLException(PgUrl.redact(e.getMessage()), e.getSQLState(), e.getErrorCode());
          String hint = "42501".equals(e.getSQLState()) ? "" : hint(e);
          throw DatabaseException.infrastructure("cannot connect to " + what + " at " + url.shown(), redacted, hint);
        }
        try {
          Thread.sleep(200);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw DatabaseException.infrastructure("cannot connect to " + what + " at " + url.shown(),
              new SQLException(PgUrl.redact(e.getMessage()), e.getSQLState()), hint(e));
        }
      }
    }
  }

  /** Connections say who they are unless the URL names them, so an operator can tell Rehearsal's sessions apart. */
  private static Properties identity(PgUrl url) {
    Properties properties = new Properties();
    if (!url.parameters().containsKey("ApplicationName")) {
      properties.setProperty("ApplicationName", APPLICATION_NAME);
    }
    return properties;
  }

  private static boolean isTransient(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    return state.startsWith("08") || state.equals("57P03");
  }

  /** What to do about a failure to reach the server or to create there, appended to its message. */
  static String hint(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.startsWith("08")) {
      return " — is the server running? Start it (e.g. pg_ctlcluster 15 main start) or point "
          + "REHEARSAL_POSTGRES_URL / --postgres-url at one";
    }
    if (state.equals("42501")) {
      return " — the door URL's user needs CREATEDB and CREATEROLE (ALTER ROLE name CREATEDB CREATEROLE)";
    }
    if (state.equals("28P01") || state.equals("28000")) {
      return " — check the user and password in the URL, and that pg_hba.conf lets that user log in with a password";
    }
    return "";
  }
}
