package dev.rehearsal.database.postgres;

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
 * The names a scenario's table names are resolved against on PostgreSQL: the user schemas, the connection's search
 * path ({@code current_schemas(false)}: the schemas of {@code search_path} that exist, in order) and every table,
 * partitioned table, view, materialized view and foreign table of those schemas.
 */
final class PostgresTables {

  private static final String USER_SCHEMA = "n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'";
  private static final String SCHEMAS = "SELECT n.nspname FROM pg_namespace n WHERE " + USER_SCHEMA + " ORDER BY 1";
  private static final String SEARCH_PATH =
      "SELECT s FROM unnest(current_schemas(false)) WITH ORDINALITY AS p(s, i) ORDER BY i";
  private static final String RELATIONS = """
      SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND %s ORDER BY 1, 2""".formatted(USER_SCHEMA);
  private static final String COLUMNS = """
      SELECT a.attname FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped
       ORDER BY a.attnum""";

  private PostgresTables() {}

  static Relations relations(Connection connection) throws SQLException {
    List<String> schemas = new ArrayList<>();
    List<String> path = new ArrayList<>();
    List<Relation> relations = new ArrayList<>();
    try (Statement statement = connection.createStatement()) {
      try (ResultSet rs = statement.executeQuery(SCHEMAS)) {
        while (rs.next()) {
          schemas.add(rs.getString(1));
        }
      }
      try (ResultSet rs = statement.executeQuery(SEARCH_PATH)) {
        while (rs.next()) {
          path.add(rs.getString(1));
        }
      }
      try (ResultSet rs = statement.executeQuery(RELATIONS)) {
        while (rs.next()) {
          relations.add(new Relation(rs.getString(1), rs.getString(2)));
        }
      }
    }
    return new Relations(schemas, path, relations);
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
