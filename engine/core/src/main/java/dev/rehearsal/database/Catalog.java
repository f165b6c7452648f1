package dev.rehearsal.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads an engine's catalog: the schema as facts, and table contents as fingerprints. */
public interface Catalog {

  /**
   * Every fact of the user's schema.
   *
   * @param excludedTables tables left out (compared without regard to case), such as the changelog
   */
  List<SchemaFact> facts(Connection connection, Set<String> excludedTables) throws SQLException;

  /**
   * The user's base tables (not views, not the engine's own), each with its column names in table order, read in one
   * query rather than through JDBC metadata calls per table.
   *
   * @param excludedTables tables left out (compared without regard to case), such as the changelog
   */
  Map<String, List<String>> tables(Connection connection, Set<String> excludedTables) throws SQLException;

  /** The fingerprint of one table, computed in the database; {@code columns} in name order. */
  TableFingerprint fingerprint(Connection connection, String table, List<String> columns) throws SQLException;

  /**
   * The fingerprints of {@code tables} (each with its columns in name order), by table in the same order. Engines
   * with round trips to a server compute them in as few as they can; the default asks {@link #fingerprint} table by
   * table.
   */
  default Map<String, TableFingerprint> fingerprints(Connection connection, Map<String, List<String>> tables)
      throws SQLException {
    Map<String, TableFingerprint> fingerprints = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, List<String>> table : tables.entrySet()) {
      fingerprints.put(table.getKey(), fingerprint(connection, table.getKey(), table.getValue()));
    }
    return fingerprints;
  }

  /**
   * The schemas, the search path of {@code connection} and every user table and view, from which a scenario's table
   * names are resolved ({@link Relations#find}).
   */
  Relations relations(Connection connection) throws SQLException;

  /** The column names of {@code table}, in table order, read for that table exactly (no name pattern). */
  List<String> columns(Connection connection, Relation table) throws SQLException;

  /** Whether {@code table} is one of {@code excludedTables}, compared without regard to case. */
  static boolean excluded(String table, Set<String> excludedTables) {
    return excludedTables.stream().anyMatch(t -> t.equalsIgnoreCase(table));
  }
}
