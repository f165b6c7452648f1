package dev.rehearsal.migrations;

import dev.rehearsal.database.DatabaseException;
import java.sql.SQLException;

/**
 * A migration operation that did not reach its target: a script failed, or the changelog does not say what it
 * should afterwards. The message names the script and statement and keeps the driver's message and SQLState.
 */
public final class MigrationFailedException extends RuntimeException {

  private final String script;
  private final String statement;
  private final boolean simulated;

  MigrationFailedException(String message, String script, Throwable cause) {
    this(message, script, null, cause, false);
  }

  private MigrationFailedException(String message, String script, String statement, Throwable cause,
      boolean simulated) {
    super(message, cause);
    this.script = script;
    this.statement = statement;
    this.simulated = simulated;
  }

  /** True when the failure is the one a {@code fail} step armed (the error class {@code simulated_failure}). */
  public boolean simulated() {
    return simulated;
  }

  /** The script that was running, or null when the failure was not inside a script. */
  public String script() {
    return script;
  }

  /**
   * The statement that failed, its whitespace collapsed to single spaces, or null when the failure was not in a
   * statement (a changelog that does not say what it should, say).
   */
  public String statement() {
    return statement;
  }

  /**
   * Builds the message from MyBatis's exception: {@code Error executing command.  Cause: ... Error executing:
   * <statement>.  Cause: <driver message>}, with the driver's {@link SQLException} a few causes down.
   */
  static MigrationFailedException from(String doing, String script, Throwable error) {
    return from(doing, script, error, false);
  }

  /** As {@link #from(String, String, Throwable)}; {@code simulated} when the armed failure caused it. */
  static MigrationFailedException from(String doing, String script, Throwable error, boolean simulated) {
    SQLException sql = null;
    for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof SQLException found) {
        sql = found;
        break;
      }
    }
    String statement = statement(error);
    StringBuilder message = new StringBuilder(doing);
    if (script != null) {
      message.append(" failed in ").append(script);
    } else {
      message.append(" failed");
    }
    message.append(": ").append(sql != null ? DatabaseException.describe(sql) : rootMessage(error));
    if (statement != null) {
      String shown = statement.length() > 300 ? statement.substring(0, 297) + "..." : statement;
      message.append(System.lineSeparator()).append("  statement: ").append(shown);
    }
    return new MigrationFailedException(message.toString(), script, statement, error, simulated);
  }

  private static String statement(Throwable error) {
    for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
      String text = t.getMessage();
      if (text != null && text.startsWith("Error executing: ")) {
        int end = text.indexOf(".  Cause: ");
        String statement = text.substring("Error executing: ".length(), end < 0 ? text.length() : end).strip();
        return statement.replaceAll("\\s+", " ");
      }
    }
    return null;
  }

  private static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return text.strip();
  }
}
