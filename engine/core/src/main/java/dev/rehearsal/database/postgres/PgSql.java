package dev.rehearsal.database.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Quoting and the catalog look-ups by name and OID that the scratch lifecycle is built on. */
final class PgSql {

  private PgSql() {}

  /** A name quoted as an identifier. */
  static String id(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** A string literal that means the same whatever {@code standard_conforming_strings} says. */
  static String literal(String text) {
    return "E'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
  }

  /** The OID of the database called {@code name}, or null when there is none. */
  static Long databaseOid(Connection connection, String name) throws SQLException {
    return oid(connection, "SELECT oid FROM pg_database WHERE datname = ?", name);
  }

  /** The name of the database with {@code oid}, or null when there is none. */
  static String databaseName(Connection connection, long oid) throws SQLException {
    return text(connection, "SELECT datname FROM pg_database WHERE oid = CAST(? AS oid)", oid);
  }

  /** The OID of the role called {@code name}, or null when there is none. */
  static Long roleOid(Connection connection, String name) throws SQLException {
    return oid(connection, "SELECT oid FROM pg_roles WHERE rolname = ?", name);
  }

  private static Long oid(Connection connection, String sql, String name) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, name);
      try (ResultSet rs = query.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  private static String text(Connection connection, String sql, long oid) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      query.setLong(1, oid);
      try (ResultSet rs = query.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }
}
