package dev.rehearsal.database.postgres;

import dev.rehearsal.database.SeedDialect;

/** Generated seeds on PostgreSQL: {@code generate_series}, date plus integer, casts to the column's type. */
final class PostgresSeedDialect implements SeedDialect {

  @Override
  public String rowNumbers() {
    return "SELECT i FROM generate_series(CAST(1 AS bigint), CAST(? AS bigint)) AS g(i)";
  }

  @Override
  public String daysAfter(String days) {
    return "(CAST(? AS date) + CAST(" + days + " AS integer))";
  }

  @Override
  public String cast(String expression, String type) {
    // The metadata's type name is the catalog's (int4, varchar, an enum's name): quoted, it names that type.
    return "CAST(" + expression + " AS \"" + type.replace("\"", "\"\"") + "\")";
  }

  /** JIT compiling the hash expressions costs more than it saves on one statement (0.3 s of a million rows). */
  @Override
  public java.util.List<String> settings() {
    return java.util.List.of("SET LOCAL jit = off");
  }

  @Override
  public String metadataSchema(String schema) {
    return schema;
  }
}
