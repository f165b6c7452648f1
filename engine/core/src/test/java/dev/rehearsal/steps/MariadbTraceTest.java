package dev.rehearsal.steps;

import dev.rehearsal.database.Database;
import dev.rehearsal.database.mariadb.MariadbDatabase;
import dev.rehearsal.testing.MariadbServer;
import dev.rehearsal.testing.RequiresMariadb;

/** {@code trace: true} on MariaDB: times only (metadata locks are not traced). */
@RequiresMariadb
class MariadbTraceTest extends TimesOnlyTraceContract {

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
  String dropIndex() {
    return "DROP INDEX orders_status ON orders";
  }
}
