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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tables and their fingerprints in PostgreSQL: per table, the row count, two sums over rows of 32-bit slices of the
 * MD5 of each row's quoted values, and per column its count and hash sum. One prepared query per table, many sent in
 * one round trip: a UNION ALL of every table measured slower (its plan and executor start grow faster than the round
 * trips it saves), while a prepared query on a connection that is reused is planned once.
 */
final class PostgresFingerprints {

  /**
   * Base tables of every user schema, with their columns; those of current_schema() first, named as an unqualified
   * query reads them, the others as {@code schema.table}.
   */
  private static final String TABLES = """
      SELECT n.nspname, c.relname, a.attname, n.nspname = current_schema()
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
       WHERE c.relkind = 'r' AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
       ORDER BY n.nspname = current_schema() DESC, n.nspname, c.relname, a.attnum""";

  /** Arguments of one concat_ws besides the separator (PostgreSQL's FUNC_MAX_ARGS is 100). */
  private static final int ARGUMENTS = 99;

  /**
   * Columns whose sums one query computes: 3 + 2 x 800 result columns stay under PostgreSQL's 1,664 target entries;
   * a wider table (PostgreSQL allows 1,600 columns) takes a second query for the rest.
   */
  static final int COLUMNS_PER_QUERY = 800;

  /** Queries sent in one round trip: enough that a schema of a hundred tables takes two. */
  static final int BATCH = 64;

  private PostgresFingerprints() {}

  static Map<String, List<String>> tables(Connection connection, Set<String> excludedTables) throws SQLException {
    Map<String, List<String>> tables = new LinkedHashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(TABLES); ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        // A table of another schema is named with it: its unqualified name is another table, or none at all.
        String table = rs.getBoolean(4) ? rs.getString(2) : rs.getString(1) + "." + rs.getString(2);
        if (Catalog.excluded(rs.getString(2), excludedTables) && rs.getBoolean(4)) {
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

  /**
   * The fingerprints of {@code tables}: those of the current schema with at most {@link #COLUMNS_PER_QUERY} columns
   * in batches of {@link #BATCH} queries sent at once (one round trip each, every query still prepared on its own),
   * the others one by one.
   */
  static Map<String, TableFingerprint> fingerprints(Connection connection, Map<String, List<String>> tables)
      throws SQLException {
    Map<String, TableFingerprint> fingerprints = new LinkedHashMap<>();
    List<Map.Entry<String, List<String>>> batch = new ArrayList<>();
    for (Map.Entry<String, List<String>> table : tables.entrySet()) {
      fingerprints.put(table.getKey(), null);
      if (table.getKey().indexOf('.') < 0 && table.getValue().size() <= COLUMNS_PER_QUERY) {
        batch.add(table);
      } else {
        fingerprints.put(table.getKey(), fingerprint(connection, table.getKey(), table.getValue()));
      }
    }
    for (int from = 0; from < batch.size(); from += BATCH) {
      List<Map.Entry<String, List<String>>> part = batch.subList(from, Math.min(batch.size(), from + BATCH));
      StringBuilder sql = new StringBuilder(PgSessions.NO_PARALLEL_WORKERS);
      part.forEach(table -> sql.append(";\n").append(query(table.getValue(), quote(table.getKey()))));
      try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
        statement.execute();
        for (Map.Entry<String, List<String>> table : part) {
          PgSessions.nextResult(statement);
          try (ResultSet rs = statement.getResultSet()) {
            fingerprints.put(table.getKey(), Fingerprints.read(rs, table.getKey(), table.getValue()));
          }
        }
      }
    }
    return fingerprints;
  }

  /** {@code table} as {@link #tables} names it: a table of the current schema, or {@code schema.table}. */
  static TableFingerprint fingerprint(Connection connection, String table, List<String> columns)
      throws SQLException {
    return Fingerprints.query(connection, table, columns, COLUMNS_PER_QUERY, rowSums(columns),
        PostgresFingerprints::perColumn, from(connection, table));
  }

  /** The query of the row count, the row hash and the sums of {@code columns}, all of a table's. */
  private static String query(List<String> columns, String from) {
    StringBuilder sql = new StringBuilder("SELECT count(*), ").append(rowSums(columns));
    perColumn(sql, columns);
    return sql.append(" FROM ").append(from).toString();
  }

  /** The two sums over the rows' hashes, each row's hash taken over all of {@code columns}. */
  private static String rowSums(List<String> columns) {
    List<String> values = columns.stream().map(c -> "coalesce(quote_literal(" + quote(c) + "), 'NULL')").toList();
    String row = values.isEmpty() ? "''" : concat(values);
    return sum(row, 1) + ", " + sum(row, 9);
  }

  private static void perColumn(StringBuilder sql, List<String> columns) {
    for (String column : columns) {
      String value = "quote_literal(" + quote(column) + ")";
      sql.append(", count(").append(quote(column)).append("), ").append(sum(value, 1));
    }
  }

  /**
   * {@code concat_ws(chr(31), ...)} of the values, nested in runs of {@link #ARGUMENTS}: a function takes at most
   * 100 arguments. No value is NULL, so the nested form gives the same text as a flat one would.
   */
  private static String concat(List<String> values) {
    if (values.size() <= ARGUMENTS) {
      return "concat_ws(chr(31), " + String.join(", ", values) + ")";
    }
    List<String> runs = new ArrayList<>();
    for (List<String> run : Fingerprints.groups(values, ARGUMENTS)) {
      runs.add(concat(run));
    }
    return concat(runs);
  }

  /** The table in SQL: in the current schema when it has a table of that name, else {@code schema.table}. */
  private static String from(Connection connection, String table) throws SQLException {
    int dot = table.indexOf('.');
    if (dot < 0) {
      return quote(table);
    }
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT to_regclass(quote_ident(current_schema()) || '.' || quote_ident(?)) IS NOT NULL")) {
      query.setString(1, table);
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        if (rs.getBoolean(1)) {
          return quote(table);
        }
      }
    }
    return quote(table.substring(0, dot)) + "." + quote(table.substring(dot + 1));
  }

  /** Sum over rows of 32 bits of the MD5 of {@code text}, starting at hex digit {@code from}; NULL text adds 0. */
  private static String sum(String text, int from) {
    return "coalesce(sum(('x' || substr(md5(" + text + "), " + from + ", 8))::bit(32)::bigint), 0)::bigint";
  }
}
