package dev.rehearsal.steps;

import dev.rehearsal.database.Database;
import dev.rehearsal.database.sqlite.SqliteDatabase;

/** The staircase's recovery after failures, on SQLite. */
class SqliteStaircaseRecoveryTest extends StaircaseRecoveryContract {

  @Override
  Database database() {
    return new SqliteDatabase("sqlite");
  }
}
