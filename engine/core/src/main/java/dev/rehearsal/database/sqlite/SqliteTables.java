package dev.rehearsal.database.sqlite;

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
 * The names a scenario's table names are resolved against on SQLite. SQLite's schemas are the databases of the
 * connection ({@code PRAGMA database_list}): {@code main}, the scratch file itself, and {@code temp}, which is empty
 * in the fresh connection every step gets (attaching other files is refused). An unqualified name is looked up in
 * {@code temp}, then {@code main}, as SQLite does.
 */
final class SqliteTables {

  private static final String COLUMNS = "SELECT name FROM pragma_table_xinfo(?, ?) WHERE hidden <> 1 ORDER BY cid";

  private SqliteTables() {}

  static Relations relations(Connection connection) throws SQLException {
    List<String> schemas = new ArrayList<>();
    List<Relation> relations = new ArrayList<>();
    try (Statement statement = connection.createStatement()) {
      try (ResultSet rs = statement.executeQuery("SELECT name FROM pragma_database_list ORDER BY seq")) {
        while (rs.next()) {
          schemas.add(rs.getString(1));
        }
      }
      for (String schema : schemas) {
        try (ResultSet rs = statement.executeQuery("SELECT name FROM " + SqliteCatalog.quote(schema)
            + ".sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
            + "ORDER BY name")) {
          while (rs.next()) {
            relations.add(new Relation(schema, rs.getString(1)));
          }
        }
      }
    }
    List<String> path = new ArrayList<>(schemas);
    if (path.remove("temp")) {
      path.add(0, "temp");
    }
    return new Relations(schemas, path, relations);
  }

  static List<String> columns(Connection connection, Relation table) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(COLUMNS)) {
      query.setString(1, table.name());
      query.setString(2, table.schema());
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
