package dev.rehearsal.database.sqlite;

import static dev.rehearsal.database.sqlite.SqliteCatalog.quote;

import dev.rehearsal.database.Catalog;
import dev.rehearsal.database.Fingerprints;
import dev.rehearsal.database.TableFingerprint;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sqlite.Function;
import org.sqlite.SQLiteConnection;

/**
 * Tables and their fingerprints in SQLite. SQLite has no MD5, so the two halves of each value's MD5 come from Java
 * functions registered on the connection ({@link Fingerprints#half}), which give what PostgreSQL's {@code md5()}
 * gives; the sums are computed by SQLite.
 */
final class SqliteFingerprints {

  /** Every user table with its columns (generated and hidden ones too, as JDBC metadata lists them). */
  private static final String TABLES = """
      SELECT m.name, p.name
        FROM sqlite_master m JOIN pragma_table_xinfo(m.name) p
       WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
       ORDER BY m.name, p.cid""";

  private SqliteFingerprints() {}

  static Map<String, List<String>> tables(Connection connection, Set<String> excludedTables) throws SQLException {
    Map<String, List<String>> tables = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(TABLES)) {
      while (rs.next()) {
        if (!Catalog.excluded(rs.getString(1), excludedTables)) {
          tables.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
        }
      }
    }
    return tables;
  }

  static TableFingerprint fingerprint(Connection connection, String table, List<String> columns)
      throws SQLException {
    registerHashFunctions(connection);
    List<String> quoted = columns.stream().map(c -> "quote(" + quote(c) + ")").toList();
    String row = quoted.isEmpty() ? "''" : String.join(" || char(31) || ", quoted);
    StringBuilder sql = new StringBuilder("SELECT count(*), coalesce(sum(rehearsal_h0(" + row
        + ")), 0), coalesce(sum(rehearsal_h1(" + row + ")), 0)");
    for (String column : columns) {
      sql.append(", count(").append(quote(column)).append("), coalesce(sum(rehearsal_h0(quote(")
          .append(quote(column)).append("))) FILTER (WHERE ").append(quote(column)).append(" IS NOT NULL), 0)");
    }
    sql.append(" FROM ").append(quote(table));
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql.toString())) {
      return Fingerprints.read(rs, table, columns);
    }
  }

  private static void registerHashFunctions(Connection connection) throws SQLException {
    for (int half = 0; half < 2; half++) {
      int which = half;
      // unwrap: the connection may be a step's shared reading connection, which hands out a proxy.
      Function.create(connection.unwrap(SQLiteConnection.class), "rehearsal_h" + half, new Function() {
        @Override
        protected void xFunc() throws SQLException {
          String text = value_text(0);
          result(text == null ? 0L : Fingerprints.half(text, which));
        }
      }, 1, Function.FLAG_DETERMINISTIC);
    }
  }
}
