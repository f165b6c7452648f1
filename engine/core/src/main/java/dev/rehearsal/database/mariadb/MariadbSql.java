package dev.rehearsal.database.mariadb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Quoting for MariaDB, and the few catalog look-ups the scratch lifecycle makes through the door. */
final class MariadbSql {

  private MariadbSql() {}

  /** A name in backticks, backticks doubled. */
  static String id(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }

  /** A string literal that means the same whatever the sql_mode (NO_BACKSLASH_ESCAPES or not). */
  static String literal(String value) {
    if (value.indexOf('\\') >= 0) {
      throw new IllegalArgumentException("a backslash cannot be written safely in every sql_mode");
    }
    return "'" + value.replace("'", "''") + "'";
  }

  /** {@code 'user'@'%'}. */
  static String user(String name) {
    return literal(name) + "@'%'";
  }

  /** The comment of database {@code name}, or null when there is no such database. */
  static String comment(Connection door, String name) throws SQLException {
    try (PreparedStatement query = door.prepareStatement(
        "SELECT SCHEMA_COMMENT FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
      query.setString(1, name);
      try (ResultSet rs = query.executeQuery()) {
        return rs.next() ? String.valueOf(rs.getString(1)) : null;
      }
    }
  }

  /** The users ({@code name@host}) with privileges on database {@code name}, sorted. */
  static List<String> grantees(Connection door, String name) throws SQLException {
    try (PreparedStatement query = door.prepareStatement("SELECT DISTINCT User, Host FROM mysql.db WHERE Db = ? "
        + "ORDER BY 1, 2")) {
      query.setString(1, name.replace("_", "\\_"));
      List<String> users = new ArrayList<>();
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          users.add(rs.getString(1) + "@" + rs.getString(2));
        }
      }
      return users;
    }
  }

  /** Whether user {@code name}@'%' exists. */
  static boolean userExists(Connection door, String name) throws SQLException {
    try (PreparedStatement query = door.prepareStatement(
        "SELECT 1 FROM mysql.user WHERE User = ? AND Host = '%'")) {
      query.setString(1, name);
      try (ResultSet rs = query.executeQuery()) {
        return rs.next();
      }
    }
  }
}
