package dev.rehearsal.steps;

import dev.rehearsal.database.Database;
import dev.rehearsal.database.postgres.PostgresDatabase;
import dev.rehearsal.testing.PostgresServer;
import dev.rehearsal.testing.RequiresPostgres;

/** A table of 1,600 columns, PostgreSQL's most. */
@RequiresPostgres
class PostgresWideTablesTest extends WideTablesContract {

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
  int widest() {
    return 1600;
  }
}
