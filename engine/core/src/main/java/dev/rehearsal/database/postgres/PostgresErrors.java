package dev.rehearsal.database.postgres;

import dev.rehearsal.database.ClassifiedError;
import dev.rehearsal.scenario.ErrorClass;
import java.sql.SQLException;
import java.util.Map;

/** PostgreSQL's SQLStates as portable error classes (the class names are PostgreSQL's condition names). */
final class PostgresErrors {

  private static final Map<String, ErrorClass> BY_STATE = Map.ofEntries(
      Map.entry("23505", ErrorClass.UNIQUE_VIOLATION),
      Map.entry("23502", ErrorClass.NOT_NULL_VIOLATION),
      Map.entry("23503", ErrorClass.FOREIGN_KEY_VIOLATION),
      Map.entry("23514", ErrorClass.CHECK_VIOLATION),
      Map.entry("42P01", ErrorClass.UNDEFINED_TABLE),
      Map.entry("42703", ErrorClass.UNDEFINED_COLUMN),
      Map.entry("42704", ErrorClass.UNDEFINED_OBJECT),
      Map.entry("42P07", ErrorClass.DUPLICATE_TABLE),
      Map.entry("42701", ErrorClass.DUPLICATE_COLUMN),
      Map.entry("42710", ErrorClass.DUPLICATE_OBJECT),
      Map.entry("42601", ErrorClass.SYNTAX_ERROR),
      Map.entry("22P02", ErrorClass.INVALID_TEXT_REPRESENTATION),
      // lock_not_available: what lock_timeout (and NOWAIT) raise.
      Map.entry("55P03", ErrorClass.LOCK_TIMEOUT));

  /** query_canceled: statement_timeout, but also a cancel request, which is no timeout. */
  private static final String QUERY_CANCELED = "57014";

  private PostgresErrors() {}

  static ClassifiedError classify(SQLException error) {
    String state = error.getSQLState();
    if (state == null) {
      return new ClassifiedError(null, "no SQLState");
    }
    ErrorClass errorClass = BY_STATE.get(state);
    if (state.equals(QUERY_CANCELED) && String.valueOf(error.getMessage()).contains("statement timeout")) {
      errorClass = ErrorClass.STATEMENT_TIMEOUT;
    }
    return new ClassifiedError(errorClass, "SQLState " + state);
  }
}
