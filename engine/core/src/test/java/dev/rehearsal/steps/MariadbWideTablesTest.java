package dev.rehearsal.steps;

import dev.rehearsal.database.Database;
import dev.rehearsal.database.mariadb.MariadbDatabase;
import dev.rehearsal.testing.MariadbServer;
import dev.rehearsal.testing.RequiresMariadb;

/**
 * A table of 1,017 columns, InnoDB's most, each a short latin1 VARCHAR, since wider columns would pass InnoDB's row
 * size limit (8,126 bytes with 16 KB pages). Its per-column sums take two queries (1,000 columns each).
 */
@RequiresMariadb
class MariadbWideTablesTest extends WideTablesContract {

  private final MariadbDatabase mariadb = new MariadbDatabase("mariadb", MariadbServer.url(), "5min", "30s", null,
      null);

  @Override
  Database database() {
    return mariadb;
  }

  @Override
  String environment() {
    return "mariadb";
  }

  @Override
  int widest() {
    return 1017;
  }

  @Override
  String columnType() {
    return "VARCHAR(6) CHARACTER SET latin1";
  }

  @Override
  String dropIndex() {
    return "DROP INDEX ix_profiles_a2 ON profiles;";
  }
}
