package dev.rehearsal.database.postgres;

import static dev.rehearsal.database.postgres.PostgresCatalog.quote;

import dev.rehearsal.database.Catalog;
import dev.rehearsal.database.Fingerprints;
import dev.rehearsal.database.TableFingerprint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tables and their fingerprints in PostgreSQL: per table, the row count, two sums over rows of 32-bit slices of the
 * MD5 of each row's quoted values, and per column its count and hash sum. One prepared query per table: a UNION ALL
 * of every table measured slower (its plan and executor start grow faster than the round trips it saves), while a
 * prepared query on a connection that is reused is planned once.
 */
final class PostgresFingerprints {

  /**
   * Base tables of every user schema, as JDBC metadata lists them, with their columns; current_schema() first so
   * that a name in two schemas is the one an unqualified query reads.
   */
  private static final String TABLES = """
      SELECT n.nspname, c.relname, a.attname
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
       WHERE c.relkind = 'r' AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
       ORDER BY n.nspname = current_schema() DESC, n.nspname, c.relname, a.attnum""";

  private PostgresFingerprints() {}

  static Map<String, List<String>> tables(Connection connection, Set<String> excludedTables) throws SQLException {
    Map<String, List<String>> tables = new LinkedHashMap<>();
    Map<String, String> schemas = new HashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(TABLES); ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        String table = rs.getString(2);
        String schema = schemas.putIfAbsent(table, rs.getString(1));
        // A name in two schemas: the first one (current_schema() comes first) is the one an unqualified query reads.
        if (Catalog.excluded(table, excludedTables) || schema != null && !schema.equals(rs.getString(1))) {
          continue;
        }
        List<String> columns = tables.computeIfAbsent(table, t -> new ArrayList<>());
        if (rs.getString(3) != null) {
          columns.add(rs.getString(3));
        }
      }
    }
    return tables;
  }

  static TableFingerprint fingerprint(Connection connection, String table, List<String> columns)
      throws SQLException {
    List<String> values = columns.stream().map(c -> "coalesce(quote_literal(" + quote(c) + "), 'NULL')").toList();
    String row = values.isEmpty() ? "''" : "concat_ws(chr(31), " + String.join(", ", values) + ")";
    StringBuilder sql = new StringBuilder("SELECT count(*), ").append(sum(row, 1)).append(", ").append(sum(row, 9));
    for (String column : columns) {
      String value = "quote_literal(" + quote(column) + ")";
      sql.append(", count(").append(quote(column)).append("), ").append(sum(value, 1));
    }
    sql.append(" FROM ").append(quote(table));
    // Prepared: a connection that fingerprints the same table again and again (a round-trip's) plans it once.
    try (PreparedStatement statement = connection.prepareStatement(sql.toString());
        ResultSet rs = statement.executeQuery()) {
      return Fingerprints.read(rs, table, columns);
    }
  }

  /** Sum over rows of 32 bits of the MD5 of {@code text}, starting at hex digit {@code from}; NULL text adds 0. */
  private static String sum(String text, int from) {
    return "coalesce(sum(('x' || substr(md5(" + text + "), " + from + ", 8))::bit(32)::bigint), 0)::bigint";
  }
}
