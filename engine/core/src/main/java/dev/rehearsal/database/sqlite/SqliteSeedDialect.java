package dev.rehearsal.database.sqlite;

import dev.rehearsal.database.SeedDialect;

/** Generated seeds on SQLite: a recursive query counts the rows; dates are ISO text; columns take any value. */
final class SqliteSeedDialect implements SeedDialect {

  @Override
  public String rowNumbers() {
    return "WITH RECURSIVE numbers(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM numbers WHERE i < ?) "
        + "SELECT i FROM numbers";
  }

  @Override
  public String daysAfter(String days) {
    return "date(?, '+' || (" + days + ") || ' days')";
  }

  @Override
  public String cast(String expression, String type) {
    return expression;
  }

  @Override
  public String metadataSchema(String schema) {
    return null;
  }
}
