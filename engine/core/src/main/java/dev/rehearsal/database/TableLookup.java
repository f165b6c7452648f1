package dev.rehearsal.database;

import java.util.Optional;

/**
 * What a table name given by a scenario ({@code users}, {@code shadow.users}) names in the database: the table or
 * view it names, or why there is none ({@code no schema nosuchschema}, {@code no table shadow.users}).
 *
 * @param schemaMissing whether the name's schema does not exist at all (a typo cannot then pass as "absent")
 */
public record TableLookup(Relation found, String missing, boolean schemaMissing) {

  static TableLookup of(Relation found) {
    return new TableLookup(found, null, false);
  }

  static TableLookup none(String why) {
    return new TableLookup(null, why, false);
  }

  static TableLookup noSchema(String why) {
    return new TableLookup(null, why, true);
  }

  /** The table or view, when there is one. */
  public Optional<Relation> relation() {
    return Optional.ofNullable(found);
  }
}
