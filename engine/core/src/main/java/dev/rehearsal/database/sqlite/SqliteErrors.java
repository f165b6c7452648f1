package dev.rehearsal.database.sqlite;

import dev.rehearsal.database.ClassifiedError;
import dev.rehearsal.scenario.ErrorClass;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * SQLite's errors as portable error classes: by extended result code where SQLite has one (constraints, busy), else
 * by the message of {@code SQLITE_ERROR}, which is all SQLite gives for a missing or duplicate object and a syntax
 * error. SQLite has no statement timeout, so nothing maps to {@code statement_timeout}. Also what its terse messages
 * mean for a Rehearsal connection, when they do not say it themselves.
 */
public final class SqliteErrors {

  private static final Map<SQLiteErrorCode, ErrorClass> BY_CODE = Map.of(
      SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE, ErrorClass.UNIQUE_VIOLATION,
      SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY, ErrorClass.UNIQUE_VIOLATION,
      SQLiteErrorCode.SQLITE_CONSTRAINT_NOTNULL, ErrorClass.NOT_NULL_VIOLATION,
      SQLiteErrorCode.SQLITE_CONSTRAINT_FOREIGNKEY, ErrorClass.FOREIGN_KEY_VIOLATION,
      SQLiteErrorCode.SQLITE_CONSTRAINT_CHECK, ErrorClass.CHECK_VIOLATION,
      // A value of the wrong type in a STRICT table: the nearest thing to PostgreSQL's invalid input syntax.
      SQLiteErrorCode.SQLITE_CONSTRAINT_DATATYPE, ErrorClass.INVALID_TEXT_REPRESENTATION,
      // The busy timeout ran out waiting for another connection's lock.
      SQLiteErrorCode.SQLITE_BUSY, ErrorClass.LOCK_TIMEOUT,
      SQLiteErrorCode.SQLITE_BUSY_TIMEOUT, ErrorClass.LOCK_TIMEOUT);

  /** The messages of plain SQLITE_ERROR, in the order they are tried. */
  private static final List<Map.Entry<Pattern, ErrorClass>> BY_MESSAGE = List.of(
      Map.entry(Pattern.compile("\\((no such table|no such view): "), ErrorClass.UNDEFINED_TABLE),
      Map.entry(Pattern.compile("\\(no such column: |\\(table \\S+ has no column named "),
          ErrorClass.UNDEFINED_COLUMN),
      Map.entry(Pattern.compile("\\(no such (index|trigger): "), ErrorClass.UNDEFINED_OBJECT),
      Map.entry(Pattern.compile("\\((table|view|index) \\S+ already exists\\)"), ErrorClass.DUPLICATE_TABLE),
      Map.entry(Pattern.compile("\\(trigger \\S+ already exists\\)"), ErrorClass.DUPLICATE_OBJECT),
      Map.entry(Pattern.compile("\\(duplicate column name: "), ErrorClass.DUPLICATE_COLUMN),
      Map.entry(Pattern.compile(": syntax error\\)|\\(incomplete input\\)|\\(unrecognized token: "),
          ErrorClass.SYNTAX_ERROR));

  private SqliteErrors() {}

  static ClassifiedError classify(SQLException error) {
    if (!(error instanceof SQLiteException sqlite)) {
      return new ClassifiedError(null, "code " + error.getErrorCode());
    }
    SQLiteErrorCode code = sqlite.getResultCode();
    String shown = code.name() + " (" + code.code + ")";
    ErrorClass errorClass = BY_CODE.get(code);
    if (errorClass == null && code == SQLiteErrorCode.SQLITE_ERROR) {
      String message = String.valueOf(error.getMessage());
      errorClass = BY_MESSAGE.stream().filter(e -> e.getKey().matcher(message).find()).map(Map.Entry::getValue)
          .findFirst().orElse(null);
    }
    return new ClassifiedError(errorClass, shown);
  }

  /** What {@code e} means, as text to append to its message (starting with " — "), or "" when it is plain. */
  public static String meaning(SQLException e) {
    if (!(e instanceof SQLiteException)) {
      return "";
    }
    String message = String.valueOf(e.getMessage());
    if (message.contains("too many attached databases - max 0")) {
      return " — SQLite steps and migrations stay in their own file: ATTACH DATABASE, VACUUM INTO and VACUUM are "
          + "refused (they open another file); work on the scenario's database only";
    }
    if (message.contains("(not authorized)")) {
      return " — SQLite steps and migrations cannot load extensions (load_extension is off)";
    }
    return "";
  }
}
