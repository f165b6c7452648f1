package dev.rehearsal.database;

import dev.rehearsal.database.sqlite.SqliteErrors;
import java.sql.SQLException;

/**
 * A database problem translated once, at the database boundary: the message names what was being done and keeps
 * the driver's message, SQLState and vendor code. Above this package nobody catches {@link SQLException}.
 */
public final class DatabaseException extends RuntimeException {

  private final boolean infrastructure;

  private DatabaseException(String message, boolean infrastructure, Throwable cause) {
    super(message, cause);
    this.infrastructure = infrastructure;
  }

  /** A failure of something the scenario asked for (a statement, a query). */
  public static DatabaseException of(String doing, SQLException e) {
    return new DatabaseException(doing + ": " + describe(e), false, e);
  }

  /** A failure of an operation on a database that is there (a backup that could not be written, say). */
  public static DatabaseException failed(String message, Throwable cause) {
    return new DatabaseException(message, false, cause);
  }

  /** A failure to create, reach or drop a database: not the scenario's fault. */
  public static DatabaseException infrastructure(String doing, Exception e) {
    return infrastructure(doing, e, "");
  }

  /** As {@link #infrastructure(String, Exception)}, with what to do appended (e.g. " — is the server running?"). */
  public static DatabaseException infrastructure(String doing, Exception e, String hint) {
    String detail = e instanceof SQLException sql ? describe(sql) : String.valueOf(e.getMessage());
    return new DatabaseException(doing + ": " + detail + hint, true, e);
  }

  /** The driver's message with SQLState and vendor code when it has them, and what it means when it is unclear. */
  public static String describe(SQLException e) {
    StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()).strip());
    text.append(SqliteErrors.meaning(e));
    String state = e.getSQLState();
    if (state != null) {
      text.append(" (SQLState ").append(state);
      if (e.getErrorCode() != 0) {
        text.append(", code ").append(e.getErrorCode());
      }
      text.append(')');
      if (state.startsWith("57P0")) {
        text.append(" — the server ended the session: it was shut down or restarted, or the database was dropped");
      } else if (state.equals("08006") && !text.toString().contains("simulated")) {
        text.append(" — the connection to the server was lost");
      }
    }
    return text.toString();
  }

  /** True when the database itself could not be created, reached or dropped. */
  public boolean infrastructure() {
    return infrastructure;
  }
}
