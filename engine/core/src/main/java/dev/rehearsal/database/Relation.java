package dev.rehearsal.database;

import java.util.Objects;

/**
 * A table or view as the database names it: its schema and its name, both exactly as stored in the catalog.
 *
 * @param schema the schema ({@code public}, {@code shadow}; {@code main} on SQLite)
 */
public record Relation(String schema, String name) {

  public Relation {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
  }

  /** {@code schema.name}, for SQL (each part quoted by the engine) and for messages. */
  public String qualified() {
    return schema + "." + name;
  }
}
