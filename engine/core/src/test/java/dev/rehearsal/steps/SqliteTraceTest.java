package dev.rehearsal.steps;

import dev.rehearsal.database.Database;
import dev.rehearsal.database.sqlite.SqliteDatabase;

/** {@code trace: true} on SQLite: times only. */
class SqliteTraceTest extends TimesOnlyTraceContract {

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
  String dropIndex() {
    return "DROP INDEX orders_status";
  }
}
