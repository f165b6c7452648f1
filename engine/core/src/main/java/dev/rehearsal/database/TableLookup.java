package dev.rehearsal.database;

import java.util.Optional;

/**
 * What a table name given by a scenario ({@code users}, {@code shadow.users}) names in the database: the table or
 * view it names, or why there is none ({@code no schema nosuchschema}, {@code no table shadow.users}).
 */
public record TableLookup(Relation found, String missing) {

  static TableLookup of(Relation found) {
    return new TableLookup(found, null);
  }

  static TableLookup none(String why) {
    return new TableLookup(null, why);
  }

  /** The table or view, when there is one. */
  public Optional<Relation> relation() {
    return Optional.ofNullable(found);
  }

  /** Whether the name's schema does not exist at all (a typo cannot then pass as "absent"). */
  public boolean schemaMissing() {
    return missing != null && missing.startsWith(Relations.NO_SCHEMA);
  }
}
