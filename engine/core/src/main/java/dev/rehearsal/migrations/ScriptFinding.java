package dev.rehearsal.migrations;

import java.util.Objects;

/**
 * Something in a migration script that MyBatis runs differently from how it reads, found without a database.
 *
 * @param line the 1-based line of the script it is about
 * @param message what is wrong, then " — " and what to do
 */
public record ScriptFinding(Migration migration, int line, Kind kind, String message) {

  /** What was found. */
  public enum Kind {
    /** No {@code -- //@UNDO} marker although the up section has statements. */
    MISSING_UNDO,
    /** A marker with nothing but comments after it although the up section has statements. */
    EMPTY_UNDO,
    /** A line that looks like an undo marker but is not one, so the lines below it run during the up. */
    NEAR_MISS_MARKER,
    /** Text after the last delimiter of a line, which MyBatis drops. */
    TEXT_AFTER_DELIMITER,
    /** Two statements on one line, sent in one call: SQLite runs only the first. */
    SEVERAL_STATEMENTS,
    /** The undo drops an object the up section did not create. */
    UNDO_DROPS_UNCREATED
  }

  public ScriptFinding {
    Objects.requireNonNull(migration, "migration");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
    if (line < 1) {
      throw new IllegalArgumentException("lines are 1-based: " + line);
    }
  }

  /** True when a rollback of the migration would do nothing but delete its changelog row. */
  public boolean noUndo() {
    return kind == Kind.MISSING_UNDO || kind == Kind.EMPTY_UNDO;
  }

  /** {@code shownFile:line: message}, the form editors and terminals turn into links. */
  public String render(String shownFile) {
    return shownFile + ":" + line + ": " + message;
  }
}
