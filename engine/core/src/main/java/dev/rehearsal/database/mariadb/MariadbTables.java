package dev.rehearsal.database.mariadb;

import dev.rehearsal.database.Relation;
import dev.rehearsal.database.Relations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The names a scenario's table names are resolved against on MariaDB. A MariaDB "schema" is a database, and a
 * scratch user sees its own only: the one schema, which is also the whole search path. Tables (plain and system
 * versioned) and views count; sequences, which MariaDB also lists as tables, do not.
 */
final class MariadbTables {

  private static final String RELATIONS = "SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES "
      + "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED', 'VIEW') ORDER BY 2";
  private static final String COLUMNS = "SELECT COLUMN_NAME FROM information_schema.COLUMNS "
      + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION";

  private MariadbTables() {}

  static Relations relations(Connection connection) throws SQLException {
    List<Relation> relations = new ArrayList<>();
    String schema;
    try (Statement statement = connection.createStatement()) {
      try (ResultSet rs = statement.executeQuery("SELECT DATABASE()")) {
        rs.next();
        schema = rs.getString(1);
      }
      try (ResultSet rs = statement.executeQuery(RELATIONS)) {
        while (rs.next()) {
          relations.add(new Relation(rs.getString(1), rs.getString(2)));
        }
      }
    }
    return new Relations(List.of(schema), List.of(schema), relations);
  }

  static List<String> columns(Connection connection, Relation table) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(COLUMNS)) {
      query.setString(1, table.schema());
      query.setString(2, table.name());
      List<String> names = new ArrayList<>();
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      return names;
    }
  }
}
