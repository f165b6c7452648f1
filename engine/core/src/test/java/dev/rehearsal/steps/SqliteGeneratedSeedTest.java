package dev.rehearsal.steps;

import dev.rehearsal.database.Database;
import dev.rehearsal.database.sqlite.SqliteDatabase;

/** Generated seeds on SQLite: a recursive query numbers the rows. */
class SqliteGeneratedSeedTest extends GeneratedSeedContract {

  private final SqliteDatabase sqlite = new SqliteDatabase("sqlite");

  @Override
  Database database() {
    return sqlite;
  }

  @Override
  String environment() {
    return "sqlite";
  }
}
