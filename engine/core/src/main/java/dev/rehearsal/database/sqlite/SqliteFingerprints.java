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

  /** Values joined in one flat run of {@code ||}: a depth of about 2 x 50, far below SQLite's 1,000. */
  private static final int RUN = 50;

  /**
   * Columns whose sums one query computes: 3 + 2 x 900 result columns stay under SQLite's 2,000 (SQLITE_MAX_COLUMN,
   * also the most columns a table may have); a wider table takes more queries.
   */
  static final int COLUMNS_PER_QUERY = 900;

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
    String row = quoted.isEmpty() ? "''" : concat(quoted);
    return Fingerprints.query(connection, table, columns, COLUMNS_PER_QUERY, "coalesce(sum(rehearsal_h0(" + row
        + ")), 0), coalesce(sum(rehearsal_h1(" + row + ")), 0)", SqliteFingerprints::perColumn, quote(table));
  }

  private static void perColumn(StringBuilder sql, List<String> columns) {
    for (String column : columns) {
      sql.append(", count(").append(quote(column)).append("), coalesce(sum(rehearsal_h0(quote(")
          .append(quote(column)).append("))) FILTER (WHERE ").append(quote(column)).append(" IS NOT NULL), 0)");
    }
  }

  /**
   * The values joined by {@code char(31)}, grouped in parentheses so the expression tree stays shallow: a flat chain
   * of {@code ||} is as deep as it is long, and SQLite refuses trees deeper than 1,000 (SQLITE_MAX_EXPR_DEPTH).
   */
  private static String concat(List<String> values) {
    if (values.size() <= RUN) {
      return String.join(" || char(31) || ", values);
    }
    List<String> runs = new ArrayList<>();
    for (List<String> run : Fingerprints.groups(values, RUN)) {
      runs.add("(" + concat(run) + ")");
    }
    return concat(runs);
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
