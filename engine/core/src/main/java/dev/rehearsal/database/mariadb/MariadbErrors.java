package dev.rehearsal.database.mariadb;

import dev.rehearsal.database.ClassifiedError;
import dev.rehearsal.scenario.ErrorClass;
import java.sql.SQLException;
import java.util.Map;

/**
 * MariaDB's (and MySQL's) error numbers as portable error classes. The SQLState says too little here: 23000 is
 * every integrity violation and 42S02 also an unknown column's cousin, so the vendor code decides. A simulated
 * failure is classified above the engines ({@code simulated_failure}), from the statement Rehearsal injected.
 */
final class MariadbErrors {

  private static final Map<Integer, ErrorClass> BY_CODE = Map.ofEntries(
      Map.entry(1062, ErrorClass.UNIQUE_VIOLATION),        // ER_DUP_ENTRY
      Map.entry(1586, ErrorClass.UNIQUE_VIOLATION),        // ER_DUP_ENTRY_WITH_KEY_NAME
      Map.entry(1048, ErrorClass.NOT_NULL_VIOLATION),      // ER_BAD_NULL_ERROR
      Map.entry(1364, ErrorClass.NOT_NULL_VIOLATION),      // ER_NO_DEFAULT_FOR_FIELD (strict mode)
      Map.entry(1216, ErrorClass.FOREIGN_KEY_VIOLATION),   // ER_NO_REFERENCED_ROW
      Map.entry(1217, ErrorClass.FOREIGN_KEY_VIOLATION),   // ER_ROW_IS_REFERENCED
      Map.entry(1451, ErrorClass.FOREIGN_KEY_VIOLATION),   // ER_ROW_IS_REFERENCED_2
      Map.entry(1452, ErrorClass.FOREIGN_KEY_VIOLATION),   // ER_NO_REFERENCED_ROW_2
      Map.entry(4025, ErrorClass.CHECK_VIOLATION),         // ER_CONSTRAINT_FAILED (MariaDB)
      Map.entry(3819, ErrorClass.CHECK_VIOLATION),         // ER_CHECK_CONSTRAINT_VIOLATED (MySQL 8)
      Map.entry(1146, ErrorClass.UNDEFINED_TABLE),         // ER_NO_SUCH_TABLE
      Map.entry(1051, ErrorClass.UNDEFINED_TABLE),         // ER_BAD_TABLE_ERROR (DROP TABLE)
      Map.entry(1054, ErrorClass.UNDEFINED_COLUMN),        // ER_BAD_FIELD_ERROR
      Map.entry(1091, ErrorClass.UNDEFINED_OBJECT),        // ER_CANT_DROP_FIELD_OR_KEY
      Map.entry(1360, ErrorClass.UNDEFINED_OBJECT),        // ER_TRG_DOES_NOT_EXIST
      Map.entry(1305, ErrorClass.UNDEFINED_OBJECT),        // ER_SP_DOES_NOT_EXIST
      Map.entry(1050, ErrorClass.DUPLICATE_TABLE),         // ER_TABLE_EXISTS_ERROR
      Map.entry(1060, ErrorClass.DUPLICATE_COLUMN),        // ER_DUP_FIELDNAME
      Map.entry(1061, ErrorClass.DUPLICATE_OBJECT),        // ER_DUP_KEYNAME
      Map.entry(1826, ErrorClass.DUPLICATE_OBJECT),        // ER_FK_DUP_NAME
      Map.entry(1359, ErrorClass.DUPLICATE_OBJECT),        // ER_TRG_ALREADY_EXISTS
      Map.entry(1304, ErrorClass.DUPLICATE_OBJECT),        // ER_SP_ALREADY_EXISTS
      Map.entry(1064, ErrorClass.SYNTAX_ERROR),            // ER_PARSE_ERROR
      Map.entry(1366, ErrorClass.INVALID_TEXT_REPRESENTATION), // ER_TRUNCATED_WRONG_VALUE_FOR_FIELD
      Map.entry(1292, ErrorClass.INVALID_TEXT_REPRESENTATION), // ER_TRUNCATED_WRONG_VALUE
      Map.entry(1265, ErrorClass.INVALID_TEXT_REPRESENTATION), // WARN_DATA_TRUNCATED (strict mode)
      // lock_wait_timeout (metadata locks) and innodb_lock_wait_timeout (row locks) both raise 1205.
      Map.entry(1205, ErrorClass.LOCK_TIMEOUT),            // ER_LOCK_WAIT_TIMEOUT
      Map.entry(1969, ErrorClass.STATEMENT_TIMEOUT),       // ER_STATEMENT_TIMEOUT (max_statement_time)
      Map.entry(3024, ErrorClass.STATEMENT_TIMEOUT));      // ER_QUERY_TIMEOUT (MySQL's max_execution_time)

  private MariadbErrors() {}

  static ClassifiedError classify(SQLException error) {
    int code = error.getErrorCode();
    String state = error.getSQLState();
    String shown = "error " + code + (state == null ? "" : ", SQLState " + state);
    return new ClassifiedError(BY_CODE.get(code), shown);
  }
}
