package dev.rehearsal.steps;

import dev.rehearsal.database.Database;
import dev.rehearsal.database.postgres.PostgresDatabase;
import dev.rehearsal.testing.PostgresServer;
import dev.rehearsal.testing.RequiresPostgres;

/** The staircase's recovery after failures, on PostgreSQL: rebuilt states copied with pg_dump and pg_restore. */
@RequiresPostgres
class PostgresStaircaseRecoveryTest extends StaircaseRecoveryContract {

  @Override
  Database database() {
    return new PostgresDatabase("postgres", PostgresServer.url(), "5min", "30s");
  }
}
