package dev.rehearsal.schema;

import dev.rehearsal.database.Session;
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
        valueColumns));
  }

  /** The schema, without the changelog table. */
  public static SchemaSnapshot schema(Session session, String changelogTable) {
    return new SchemaSnapshot(session.schemaFacts(Set.of(changelogTable)));
  }

  /**
   * Fingerprints of every table but the changelog, and the values of {@code valueColumns} ({@code table.column}).
   */
  public static DataSnapshot data(Session session, String changelogTable, List<String> valueColumns) {
    Map<String, TableFingerprint> tables = new TreeMap<>();
    session.fingerprints(Set.of(changelogTable))
        .forEach((table, fingerprint) -> tables.put(table.toLowerCase(Locale.ROOT), fingerprint));
    Map<String, List<String>> values = new TreeMap<>();
    for (String qualified : valueColumns) {
      int dot = qualified.lastIndexOf('.');
      String table = qualified.substring(0, dot);
      String column = qualified.substring(dot + 1);
      List<String> rendered = new ArrayList<>();
      // Names as typed in the scenario are matched to the real ones ignoring case, as everywhere else.
      Optional<String> found = session.findTable(table);
      if (found.isPresent()) {
        String real = session.columns(found.get()).stream().filter(c -> c.equalsIgnoreCase(column)).findFirst()
            .orElse(column);
        for (Object value : session.columnValues(found.get(), real)) {
          rendered.add(value == null ? "null" : value.toString());
        }
      }
      rendered.sort(null);
      values.put(qualified.toLowerCase(Locale.ROOT), rendered);
    }
    return DataSnapshot.of(tables, values);
  }
}
