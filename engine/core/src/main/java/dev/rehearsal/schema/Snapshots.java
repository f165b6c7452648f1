package dev.rehearsal.schema;

import dev.rehearsal.database.Session;
import dev.rehearsal.database.TableLookup;
import dev.rehearsal.database.TableFingerprint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Takes schema and data snapshots through a {@link Session}. */
public final class Snapshots {

  private Snapshots() {}

  /** A value column of a snapshot that does not exist: the snapshot cannot be taken as the scenario asks. */
  public static final class MissingColumnException extends RuntimeException {
    MissingColumnException(String message) {
      super(message);
    }
  }

  /**
   * The schema and data of the database now, under {@code label}: what the snapshot, backup and round-trip steps
   * remember and compare.
   *
   * @param version the migration version it was taken at, as shown, or null
   * @param valueColumns the {@code table.column}s whose values are kept besides the fingerprints
   */
  public static Snapshot take(Session session, String changelogTable, String label, String version,
      List<String> valueColumns) {
    return new Snapshot(label, version, schema(session, changelogTable), data(session, changelogTable,
        valueColumns, true));
  }

  /** The schema, without the changelog table. */
  public static SchemaSnapshot schema(Session session, String changelogTable) {
    return new SchemaSnapshot(session.schemaFacts(Set.of(changelogTable)));
  }

  /**
   * Fingerprints of every table but the changelog, and the values of {@code valueColumns} ({@code table.column} or
   * {@code schema.table.column}) as they are now, to compare with a snapshot: a column whose table has gone since
   * (a rollback dropped it) has no values.
   */
  public static DataSnapshot data(Session session, String changelogTable, List<String> valueColumns) {
    return data(session, changelogTable, valueColumns, false);
  }

  /**
   * @param strict whether every value column must exist (when a snapshot names them, so that a misspelt name fails
   *     at once instead of comparing "no values" with "no values" forever); otherwise a column whose table has gone
   *     since (a rollback dropped it) has no values
   * @throws MissingColumnException when {@code strict} and a value column does not exist
   */
  private static DataSnapshot data(Session session, String changelogTable, List<String> valueColumns,
      boolean strict) {
    Map<String, TableFingerprint> tables = new TreeMap<>();
    session.fingerprints(Set.of(changelogTable))
        .forEach((table, fingerprint) -> tables.put(table.toLowerCase(Locale.ROOT), fingerprint));
    Map<String, List<String>> values = new TreeMap<>();
    for (String qualified : valueColumns) {
      int dot = qualified.lastIndexOf('.');
      String table = qualified.substring(0, dot);
      String column = qualified.substring(dot + 1);
      List<String> rendered = new ArrayList<>();
      // Names as typed in the scenario are matched to the real ones as everywhere else (Relations.find).
      TableLookup found = session.table(table);
      Optional<String> real = found.relation().flatMap(t -> session.columns(t).stream()
          .filter(c -> c.equalsIgnoreCase(column)).findFirst());
      if (strict && real.isEmpty()) {
        throw new MissingColumnException("'values' names " + qualified + ", and there is "
            + (found.relation().isEmpty() ? found.missing() : "no column " + column + " in "
                + found.found().qualified()));
      }
      if (real.isPresent()) {
        for (Object value : session.columnValues(found.found(), real.get())) {
          rendered.add(value == null ? "null" : value.toString());
        }
      }
      rendered.sort(null);
      values.put(qualified.toLowerCase(Locale.ROOT), rendered);
    }
    return DataSnapshot.of(tables, values);
  }
}
