package dev.rehearsal.steps;

import dev.rehearsal.database.ClassifiedError;
import dev.rehearsal.database.Database;
import dev.rehearsal.database.postgres.PostgresDatabase;
import dev.rehearsal.scenario.ErrorClass;
import dev.rehearsal.testing.PostgresServer;
import dev.rehearsal.testing.RequiresPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Error classes on PostgreSQL: SQLStates. */
@RequiresPostgres
class PostgresErrorClassesTest extends ErrorClassesContract {

  private final PostgresDatabase postgres = new PostgresDatabase("postgres", PostgresServer.url(), "5min", "30s");

  @Override
  Database database() {
    return postgres;
  }

  @Override
  String environment() {
    return "postgres";
  }

  @Override
  String typedTable() {
    return "CREATE TABLE typed (n INTEGER)";
  }

  @Override
  String duplicateObject() {
    return "ALTER TABLE users ADD CONSTRAINT ck_users_age CHECK (age < 200);";
  }

  @Override
  ClassifiedError uniqueViolationCode() {
    return new ClassifiedError(ErrorClass.UNIQUE_VIOLATION, "SQLState 23505");
  }

  @Override
  SQLException lockTimeout() throws SQLException {
    try (Connection holder = scratch().connect(); Connection waiter = scratch().connect()) {
      holder.setAutoCommit(false);
      holder.createStatement().execute("LOCK TABLE users IN ACCESS EXCLUSIVE MODE");
      try (Statement statement = waiter.createStatement()) {
        statement.execute("SET lock_timeout = '50ms'");
        statement.execute("SELECT count(*) FROM users");
      } catch (SQLException e) {
        return e;
      } finally {
        holder.rollback();
      }
    }
    throw new AssertionError("the waiting session was not refused");
  }

  @Override
  SQLException statementTimeout() throws SQLException {
    try (Connection connection = scratch().connect(); Statement statement = connection.createStatement()) {
      statement.execute("SET statement_timeout = '50ms'");
      statement.execute("SELECT pg_sleep(5)");
    } catch (SQLException e) {
      return e;
    }
    throw new AssertionError("the statement was not cut");
  }
}
