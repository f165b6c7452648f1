package dev.rehearsal.schema;

import java.util.Objects;

/**
 * What a {@code snapshot:} step (or a backup) remembers under its label.
 *
 * @param label the label
 * @param version the migration version at the time (null = base)
 */
public record Snapshot(String label, String version, SchemaSnapshot schema, DataSnapshot data) {

  public Snapshot {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(data, "data");
  }
}
