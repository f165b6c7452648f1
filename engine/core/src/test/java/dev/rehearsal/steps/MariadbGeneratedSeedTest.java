package dev.rehearsal.steps;

import dev.rehearsal.database.Database;
import dev.rehearsal.database.mariadb.MariadbDatabase;
import dev.rehearsal.testing.MariadbServer;
import dev.rehearsal.testing.RequiresMariadb;

/** Generated seeds on MariaDB: the SEQUENCE engine numbers the rows, CONCAT joins the text. */
@RequiresMariadb
class MariadbGeneratedSeedTest extends GeneratedSeedContract {

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
}
