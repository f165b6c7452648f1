package dev.rehearsal.steps;

import dev.rehearsal.database.Database;
import dev.rehearsal.database.postgres.PostgresDatabase;
import dev.rehearsal.testing.PostgresServer;
import dev.rehearsal.testing.RequiresPostgres;

/** Generated seeds on PostgreSQL: {@code generate_series}, casts to the column types. */
@RequiresPostgres
class PostgresGeneratedSeedTest extends GeneratedSeedContract {

  private final PostgresDatabase postgres = new PostgresDatabase("postgres", PostgresServer.url(), "5min", "30s");

  @Override
  Database database() {
    return postgres;
  }

  @Override
  String environment() {
    return "postgres";
  }
}
