package dev.rehearsal.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rehearsal.database.Database;
import dev.rehearsal.database.mariadb.MariadbDatabase;
import dev.rehearsal.testing.MariadbServer;
import dev.rehearsal.testing.RequiresMariadb;
import java.util.List;
import org.junit.jupiter.api.Test;

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

  /**
   * MariaDB's own types: an ENUM, DATETIME, BOOLEAN (TINYINT(1)), DECIMAL, TEXT, and a range below zero on signed
   * numbers. The table shares its name with information_schema.EVENTS: asked without the scratch database as the
   * catalog, the driver's metadata read that table's columns too.
   */
  @Test
  void fillsMariadbTypesAndRangesBelowZero() {
    List<StepOutcome> outcomes = steps.runAll("""
        - sql: "CREATE TABLE events (id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY, kind ENUM('in', 'out') NOT NULL,
            delta INT NOT NULL, at DATETIME NOT NULL, flag BOOLEAN NOT NULL, price DECIMAL(8,2) NOT NULL,
            body TEXT NOT NULL);"
        - seed:
            generate:
              table: events
              rows: 1000
              columns:
                kind: {one_of: [in, out]}
                delta: {range: [-5, 5]}
                at: {dates: [2024-02-28, 2024-03-01]}
        - expect:
            rows: {events: 1000}
            query:
              - {sql: "SELECT CONCAT(min(delta), ' ', max(delta)) FROM events", equals: "-5 5"}
              - {sql: "SELECT count(DISTINCT kind) FROM events", equals: 2}
              - {sql: "SELECT CONCAT(min(at), ' ', max(at)) FROM events",
                 equals: "2024-02-28 00:00:00 2024-03-01 00:00:00"}
              - {sql: "SELECT count(DISTINCT flag) FROM events", equals: 2}
              - {sql: "SELECT count(*) FROM events WHERE price < 0 OR price >= 1000 OR body NOT LIKE 'body-%'",
                 equals: 0}
        """);

    assertEquals("1000 rows generated in events (seed 1)", outcomes.get(1).detail());
    assertEquals(List.of(), outcomes.get(2).checks().stream().filter(c -> !c.passed()).toList());
  }
}
