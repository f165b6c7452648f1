package dev.rehearsal.steps;

import dev.rehearsal.database.Database;
import dev.rehearsal.database.sqlite.SqliteDatabase;

/** A table of 2,000 columns, SQLite's most (SQLITE_MAX_COLUMN). */
class SqliteWideTablesTest extends WideTablesContract {

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
  int widest() {
    return 2000;
  }
}
