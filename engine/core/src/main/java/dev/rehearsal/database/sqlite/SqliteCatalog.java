package dev.rehearsal.database.sqlite;

import dev.rehearsal.database.Catalog;
import dev.rehearsal.database.Relation;
import dev.rehearsal.database.Relations;
import dev.rehearsal.database.SchemaFact;
import dev.rehearsal.database.TableFingerprint;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * SQLite's catalog: {@code sqlite_master} and the table pragmas, read for every table at once through their
 * table-valued forms ({@code pragma_table_xinfo(name)}), so that a snapshot costs the same few statements however
 * many tables there are. CHECK constraints and index definitions are read from the DDL ({@link SqliteDdl}).
 */
final class SqliteCatalog implements Catalog {

  /** Only user tables: the pragma queries below join each of them to its pragma. */
  private static final String USER_TABLES = " WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'";

  private static final String OBJECTS = "SELECT type, name, tbl_name, sql FROM sqlite_master "
      + "WHERE name NOT LIKE 'sqlite_%' ORDER BY name";
  private static final String COLUMNS = "SELECT m.name, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk "
      + "FROM sqlite_master m, pragma_table_xinfo(m.name) p" + USER_TABLES + " ORDER BY m.name, p.cid";
  private static final String INDEXES = "SELECT m.name, i.name, i.\"unique\", i.origin, x.sql "
      + "FROM sqlite_master m JOIN pragma_index_list(m.name) i "
      + "LEFT JOIN sqlite_master x ON x.type = 'index' AND x.name = i.name" + USER_TABLES + " ORDER BY m.name, i.seq";
  private static final String INDEX_COLUMNS = "SELECT i.name, c.name "
      + "FROM sqlite_master m, pragma_index_list(m.name) i, pragma_index_info(i.name) c" + USER_TABLES
      + " ORDER BY m.name, i.seq, c.seqno";
  private static final String FOREIGN_KEYS = "SELECT m.name, k.id, k.\"table\", k.\"from\", k.\"to\", k.on_update, "
      + "k.on_delete FROM sqlite_master m, pragma_foreign_key_list(m.name) k" + USER_TABLES
      + " ORDER BY m.name, k.id, k.seq";

  @Override
  public List<SchemaFact> facts(Connection connection, Set<String> excludedTables) throws SQLException {
    List<SchemaFact> facts = new ArrayList<>();
    Map<String, String> tables = new TreeMap<>();
    try (Statement statement = connection.createStatement()) {
      try (ResultSet rs = statement.executeQuery(OBJECTS)) {
        while (rs.next()) {
          String name = rs.getString(2);
          if (Catalog.excluded(rs.getString(3), excludedTables)) {
            continue;
          }
          switch (rs.getString(1)) {
            case "table" -> tables.put(name, rs.getString(4));
            case "view" -> facts.add(fact("view", name, "definition", SqliteDdl.normalize(rs.getString(4))));
            case "trigger" -> facts.add(fact("trigger", name + " on " + rs.getString(3), "definition",
                SqliteDdl.normalize(rs.getString(4))));
            default -> { }
          }
        }
      }
      tables.forEach((table, sql) -> facts.add(new SchemaFact("table", table, Map.of())));
      columns(statement, tables, facts);
      indexes(statement, tables, facts);
      foreignKeys(statement, tables, facts);
    }
    tables.forEach((table, sql) -> SqliteDdl.checks(table, sql, facts));
    return facts;
  }

  private static void columns(Statement statement, Map<String, String> tables, List<SchemaFact> facts)
      throws SQLException {
    Map<String, Map<Integer, String>> keys = new TreeMap<>();
    Map<String, SchemaFact> columns = new LinkedHashMap<>();
    try (ResultSet rs = statement.executeQuery(COLUMNS)) {
      while (rs.next()) {
        String table = rs.getString(1);
        if (!tables.containsKey(table)) {
          continue;
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("type", SqliteDdl.normalize(rs.getString(3)).toLowerCase(Locale.ROOT));
        properties.put("null", rs.getInt(4) == 1 ? "NOT NULL" : "nullable");
        String dflt = rs.getString(5);
        properties.put("default", dflt == null ? "no default" : "default " + dflt);
        columns.put(table + "." + rs.getString(2), new SchemaFact("column", table + "." + rs.getString(2),
            properties));
        if (rs.getInt(6) > 0) {
          keys.computeIfAbsent(table, t -> new TreeMap<>()).put(rs.getInt(6), rs.getString(2));
        }
      }
    }
    keys.forEach((table, key) -> {
      if (key.size() == 1) {
        rowidAlias(columns, table + "." + key.values().iterator().next(), tables.get(table));
      }
    });
    facts.addAll(columns.values());
    keys.forEach((table, key) -> facts.add(fact("primary key", table, "columns",
        "(" + String.join(", ", key.values()) + ")")));
  }

  /**
   * A lone {@code INTEGER PRIMARY KEY} of a rowid table is the rowid: it can never hold NULL (a NULL inserted gets the
   * next number), so it is NOT NULL although the pragma says otherwise. Other primary keys of SQLite do accept NULL.
   */
  private static void rowidAlias(Map<String, SchemaFact> columns, String name, String tableSql) {
    SchemaFact column = columns.get(name);
    boolean withoutRowid = tableSql != null && tableSql.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ")
        .contains("WITHOUT ROWID");
    if (column != null && "integer".equals(column.properties().get("type")) && !withoutRowid) {
      Map<String, String> properties = new LinkedHashMap<>(column.properties());
      properties.put("null", "NOT NULL");
      columns.put(name, new SchemaFact("column", name, properties));
    }
  }

  private static void indexes(Statement statement, Map<String, String> tables, List<SchemaFact> facts)
      throws SQLException {
    Map<String, List<String>> indexColumns = new HashMap<>();
    try (ResultSet rs = statement.executeQuery(INDEX_COLUMNS)) {
      while (rs.next()) {
        indexColumns.computeIfAbsent(rs.getString(1), i -> new ArrayList<>())
            .add(rs.getString(2) == null ? "(expression)" : rs.getString(2));
      }
    }
    try (ResultSet rs = statement.executeQuery(INDEXES)) {
      while (rs.next()) {
        String table = rs.getString(1);
        String index = rs.getString(2);
        String origin = rs.getString(4);
        List<String> columns = indexColumns.getOrDefault(index, List.of());
        if (!tables.containsKey(table) || origin.equals("pk")) {
          continue;
        }
        if (origin.equals("u")) {
          facts.add(fact("unique", table + " (" + String.join(", ", columns) + ")", "columns", ""));
          continue;
        }
        SqliteDdl.IndexText text = SqliteDdl.index(rs.getString(5));
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("columns", "(" + (text == null ? String.join(", ", columns) : text.columns()) + ")");
        properties.put("unique", rs.getString(3).equals("1") ? "unique" : "not unique");
        properties.put("method", "btree");
        if (text != null && text.where() != null) {
          properties.put("where", "where " + text.where());
        }
        facts.add(new SchemaFact("index", index + " on " + table, properties));
      }
    }
  }

  private static void foreignKeys(Statement statement, Map<String, String> tables, List<SchemaFact> facts)
      throws SQLException {
    Map<String, Map<Integer, List<String[]>>> keys = new TreeMap<>();
    try (ResultSet rs = statement.executeQuery(FOREIGN_KEYS)) {
      while (rs.next()) {
        if (tables.containsKey(rs.getString(1))) {
          keys.computeIfAbsent(rs.getString(1), t -> new TreeMap<>()).computeIfAbsent(rs.getInt(2),
              id -> new ArrayList<>()).add(new String[] {rs.getString(3), rs.getString(4), rs.getString(5),
                  rs.getString(6), rs.getString(7)});
        }
      }
    }
    keys.forEach((table, byId) -> byId.values().forEach(parts -> {
      List<String> from = parts.stream().map(p -> p[1]).toList();
      List<String> to = parts.stream().map(p -> p[2] == null ? "?" : p[2]).toList();
      String object = table + "(" + String.join(", ", from) + ") -> " + parts.get(0)[0] + "("
          + String.join(", ", to) + ")";
      Map<String, String> properties = new LinkedHashMap<>();
      properties.put("on delete", "on delete " + parts.get(0)[4].toLowerCase(Locale.ROOT));
      properties.put("on update", "on update " + parts.get(0)[3].toLowerCase(Locale.ROOT));
      facts.add(new SchemaFact("foreign key", object, properties));
    }));
  }

  @Override
  public Map<String, List<String>> tables(Connection connection, Set<String> excludedTables) throws SQLException {
    return SqliteFingerprints.tables(connection, excludedTables);
  }

  @Override
  public TableFingerprint fingerprint(Connection connection, String table, List<String> columns)
      throws SQLException {
    return SqliteFingerprints.fingerprint(connection, table, columns);
  }

  private static SchemaFact fact(String kind, String object, String key, String value) {
    return new SchemaFact(kind, object, Map.of(key, value));
  }

  @Override
  public Relations relations(Connection connection) throws SQLException {
    return SqliteTables.relations(connection);
  }

  @Override
  public List<String> columns(Connection connection, Relation table) throws SQLException {
    return SqliteTables.columns(connection, table);
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
