package dev.rehearsal.steps;

import dev.rehearsal.database.ClassifiedError;
import dev.rehearsal.database.Database;
import dev.rehearsal.database.sqlite.SqliteDatabase;
import dev.rehearsal.scenario.ErrorClass;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Error classes on SQLite: extended result codes, and the messages of SQLITE_ERROR. */
class SqliteErrorClassesTest extends ErrorClassesContract {

  private final SqliteDatabase sqlite = new SqliteDatabase("sqlite");

  @Override
  Database database() {
    return sqlite;
  }

  @Override
  String environment() {
    return "sqlite";
  }

  @Override
  String typedTable() {
    return "CREATE TABLE typed (n INTEGER) STRICT";
  }

  @Override
  String duplicateObject() {
    return "CREATE TRIGGER tr_users AFTER INSERT ON users BEGIN SELECT 1; END;\n"
        + "CREATE TRIGGER tr_users AFTER INSERT ON users BEGIN SELECT 1; END;";
  }

  @Override
  ClassifiedError uniqueViolationCode() {
    return new ClassifiedError(ErrorClass.UNIQUE_VIOLATION, "SQLITE_CONSTRAINT_UNIQUE (2067)");
  }

  @Override
  SQLException lockTimeout() throws SQLException {
    try (Connection holder = scratch().connect(); Connection waiter = scratch().connect()) {
      holder.setAutoCommit(false);
      holder.createStatement().execute("UPDATE users SET age = 37");
      try (Statement statement = waiter.createStatement()) {
        statement.execute("PRAGMA busy_timeout = 50");
        statement.execute("UPDATE users SET age = 38");
      } catch (SQLException e) {
        return e;
      } finally {
        holder.rollback();
      }
    }
    throw new AssertionError("the second writer was not refused");
  }

  @Override
  SQLException statementTimeout() {
    return null;
  }
}
