package dev.rehearsal.database.mariadb;

import static dev.rehearsal.database.mariadb.MariadbSql.id;

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
 * Tables and their fingerprints in MariaDB, computed by the server: per table, the row count, two sums over rows of
 * 32-bit slices of the MD5 of each row's {@code QUOTE}d values joined by {@code CHAR(31)}, and per column its count
 * and hash sum. {@code QUOTE(NULL)} is the text {@code NULL}, as the other engines write a NULL in a row's text.
 */
final class MariadbFingerprints {

  private static final String TABLES = """
      SELECT t.TABLE_NAME, c.COLUMN_NAME
        FROM information_schema.TABLES t
        LEFT JOIN information_schema.COLUMNS c ON c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME
       WHERE t.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED')
       ORDER BY t.TABLE_NAME, c.ORDINAL_POSITION""";

  /** Columns whose sums one query computes: MariaDB returns at most 4,096 columns in a result. */
  static final int COLUMNS_PER_QUERY = 1000;

  private MariadbFingerprints() {}

  static Map<String, List<String>> tables(Connection connection, Set<String> excludedTables) throws SQLException {
    Map<String, List<String>> tables = new LinkedHashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(TABLES); ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        if (Catalog.excluded(rs.getString(1), excludedTables)) {
          continue;
        }
        List<String> columns = tables.computeIfAbsent(rs.getString(1), t -> new ArrayList<>());
        if (rs.getString(2) != null) {
          columns.add(rs.getString(2));
        }
      }
    }
    return tables;
  }

  static TableFingerprint fingerprint(Connection connection, String table, List<String> columns)
      throws SQLException {
    String row = columns.isEmpty() ? "''" : "CONCAT_WS(CHAR(31), "
        + String.join(", ", columns.stream().map(c -> "QUOTE(" + id(c) + ")").toList()) + ")";
    return Fingerprints.query(connection, table, columns, COLUMNS_PER_QUERY, sum(row, 1) + ", " + sum(row, 9),
        MariadbFingerprints::perColumn, id(table));
  }

  private static void perColumn(StringBuilder sql, List<String> columns) {
    for (String column : columns) {
      // NULLs add nothing to a column's sum (they are counted apart, by COUNT).
      sql.append(", COUNT(").append(id(column)).append("), ")
          .append(sum("IF(" + id(column) + " IS NULL, NULL, QUOTE(" + id(column) + "))", 1));
    }
  }

  /**
   * Sum over rows of 32 bits of the MD5 of {@code text}, from hex digit {@code from}; NULL text adds 0. The sum is
   * a DECIMAL, read as a long: it fits for tables of fewer than 2^31 rows.
   */
  private static String sum(String text, int from) {
    return "COALESCE(SUM(CAST(CONV(SUBSTR(MD5(" + text + "), " + from + ", 8), 16, 10) AS UNSIGNED)), 0)";
  }
}
