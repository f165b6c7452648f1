package dev.rehearsal.database.sqlite;

import dev.rehearsal.database.Catalog;
import dev.rehearsal.database.Fingerprints;
import dev.rehearsal.database.SchemaFact;
import dev.rehearsal.database.TableFingerprint;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sqlite.Function;

/** SQLite's catalog: {@code sqlite_master} and the table pragmas; CHECK constraints are read from the DDL. */
final class SqliteCatalog implements Catalog {

  /** Up to the parenthesis that opens the column list: {@code ON table (}. */
  private static final Pattern INDEX_ON = Pattern.compile("(?is)\\bON\\s+(?:\"[^\"]*\"|`[^`]*`|\\[[^\\]]*\\]|[^\\s(]+)\\s*\\(");
  private static final Pattern INDEX_WHERE = Pattern.compile("(?is)WHERE\\s+(.*)");

  @Override
  public List<SchemaFact> facts(Connection connection, Set<String> excludedTables) throws SQLException {
    List<SchemaFact> facts = new ArrayList<>();
    Map<String, String> tables = new TreeMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT type, name, tbl_name, sql FROM sqlite_master "
            + "WHERE name NOT LIKE 'sqlite_%' ORDER BY name")) {
      while (rs.next()) {
        String type = rs.getString(1);
        String name = rs.getString(2);
        String sql = rs.getString(4);
        if (excluded(rs.getString(3), excludedTables)) {
          continue;
        }
        switch (type) {
          case "table" -> tables.put(name, sql);
          case "view" -> facts.add(fact("view", name, "definition", normalize(sql)));
          case "trigger" -> facts.add(fact("trigger", name + " on " + rs.getString(3), "definition", normalize(sql)));
          default -> { }
        }
      }
    }
    for (Map.Entry<String, String> table : tables.entrySet()) {
      facts.add(new SchemaFact("table", table.getKey(), Map.of()));
      columns(connection, table.getKey(), facts);
      indexes(connection, table.getKey(), facts);
      foreignKeys(connection, table.getKey(), facts);
      checks(table.getKey(), table.getValue(), facts);
    }
    return facts;
  }

  private static void columns(Connection connection, String table, List<SchemaFact> facts) throws SQLException {
    Map<Integer, String> keyColumns = new TreeMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("PRAGMA table_xinfo(" + quote(table) + ")")) {
      while (rs.next()) {
        String column = rs.getString("name");
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("type", normalize(rs.getString("type")).toLowerCase(Locale.ROOT));
        properties.put("null", rs.getInt("notnull") == 1 ? "NOT NULL" : "nullable");
        String dflt = rs.getString("dflt_value");
        properties.put("default", dflt == null ? "no default" : "default " + dflt);
        facts.add(new SchemaFact("column", table + "." + column, properties));
        if (rs.getInt("pk") > 0) {
          keyColumns.put(rs.getInt("pk"), column);
        }
      }
    }
    if (!keyColumns.isEmpty()) {
      facts.add(fact("primary key", table, "columns", "(" + String.join(", ", keyColumns.values()) + ")"));
    }
  }

  private static void indexes(Connection connection, String table, List<SchemaFact> facts) throws SQLException {
    List<String[]> indexes = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("PRAGMA index_list(" + quote(table) + ")")) {
      while (rs.next()) {
        indexes.add(new String[] {rs.getString("name"), rs.getString("unique"), rs.getString("origin")});
      }
    }
    for (String[] index : indexes) {
      String origin = index[2];
      if (origin.equals("pk")) {
        continue;
      }
      if (origin.equals("u")) {
        facts.add(fact("unique", table + " (" + String.join(", ", indexColumns(connection, index[0])) + ")",
            "columns", ""));
        continue;
      }
      String sql;
      try (Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = '"
              + index[0].replace("'", "''") + "'")) {
        sql = rs.next() ? rs.getString(1) : "";
      }
      // The column list ends at its matching parenthesis, not the last one: a predicate may hold parentheses too.
      String text = sql == null ? "" : sql.strip();
      Matcher on = INDEX_ON.matcher(text);
      String columns;
      Matcher where = INDEX_WHERE.matcher("");
      if (on.find()) {
        int close = matching(text, on.end() - 1);
        columns = normalize(text.substring(on.end(), close));
        where = INDEX_WHERE.matcher(text.substring(close + 1).strip());
      } else {
        columns = String.join(", ", indexColumns(connection, index[0]));
      }
      Map<String, String> properties = new LinkedHashMap<>();
      properties.put("columns", "(" + columns + ")");
      properties.put("unique", index[1].equals("1") ? "unique" : "not unique");
      properties.put("method", "btree");
      if (where.matches()) {
        properties.put("where", "where " + normalize(where.group(1)));
      }
      facts.add(new SchemaFact("index", index[0] + " on " + table, properties));
    }
  }

  private static List<String> indexColumns(Connection connection, String index) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("PRAGMA index_info(" + quote(index) + ")")) {
      while (rs.next()) {
        columns.add(rs.getString("name") == null ? "(expression)" : rs.getString("name"));
      }
    }
    return columns;
  }

  private static void foreignKeys(Connection connection, String table, List<SchemaFact> facts) throws SQLException {
    Map<Integer, List<String[]>> keys = new TreeMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("PRAGMA foreign_key_list(" + quote(table) + ")")) {
      while (rs.next()) {
        keys.computeIfAbsent(rs.getInt("id"), id -> new ArrayList<>()).add(new String[] {rs.getString("table"),
            rs.getString("from"), rs.getString("to"), rs.getString("on_update"), rs.getString("on_delete")});
      }
    }
    for (List<String[]> parts : keys.values()) {
      List<String> from = parts.stream().map(p -> p[1]).toList();
      List<String> to = parts.stream().map(p -> p[2] == null ? "?" : p[2]).toList();
      String object = table + "(" + String.join(", ", from) + ") -> " + parts.get(0)[0] + "(" + String.join(", ", to)
          + ")";
      Map<String, String> properties = new LinkedHashMap<>();
      properties.put("on delete", "on delete " + parts.get(0)[4].toLowerCase(Locale.ROOT));
      properties.put("on update", "on update " + parts.get(0)[3].toLowerCase(Locale.ROOT));
      facts.add(new SchemaFact("foreign key", object, properties));
    }
  }

  /** CHECK constraints, found in the CREATE TABLE statement (SQLite keeps no catalog of them). */
  static void checks(String table, String sql, List<SchemaFact> facts) {
    if (sql == null) {
      return;
    }
    String upper = sql.toUpperCase(Locale.ROOT);
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"' || c == '`' || c == '[') {
        i = skipQuoted(sql, i);
        continue;
      }
      if (upper.startsWith("CHECK", i) && boundary(sql, i - 1) && boundary(sql, i + 5)) {
        int open = i + 5;
        while (open < sql.length() && Character.isWhitespace(sql.charAt(open))) {
          open++;
        }
        if (open < sql.length() && sql.charAt(open) == '(') {
          int close = matching(sql, open);
          String expression = normalize(sql.substring(open, close + 1));
          String name = constraintName(sql.substring(0, i));
          facts.add(fact("check", name == null ? table + " " + expression : table + "." + name, "expression",
              expression));
          i = close + 1;
          continue;
        }
      }
      i++;
    }
  }

  private static String constraintName(String before) {
    Matcher m = Pattern.compile("(?is)CONSTRAINT\\s+(\"[^\"]+\"|`[^`]+`|\\[[^\\]]+\\]|\\w+)\\s*$").matcher(before);
    return m.find() ? m.group(1).replaceAll("^[\"`\\[]|[\"`\\]]$", "") : null;
  }

  private static int matching(String sql, int open) {
    int depth = 0;
    for (int i = open; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"' || c == '`' || c == '[') {
        i = skipQuoted(sql, i) - 1;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return sql.length() - 1;
  }

  private static int skipQuoted(String sql, int start) {
    char close = sql.charAt(start) == '[' ? ']' : sql.charAt(start);
    int i = start + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == close) {
        if (close != ']' && i + 1 < sql.length() && sql.charAt(i + 1) == close) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return sql.length();
  }

  private static boolean boundary(String sql, int i) {
    return i < 0 || i >= sql.length() || !(Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_');
  }

  @Override
  public TableFingerprint fingerprint(Connection connection, String table, List<String> columns)
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
      rs.next();
      Map<String, TableFingerprint.ColumnFingerprint> perColumn = new TreeMap<>();
      for (int i = 0; i < columns.size(); i++) {
        perColumn.put(columns.get(i), new TableFingerprint.ColumnFingerprint(rs.getLong(4 + 2 * i),
            String.format("%016x", rs.getLong(5 + 2 * i))));
      }
      return TableFingerprint.of(table, rs.getLong(1), Fingerprints.hash(rs.getLong(2), rs.getLong(3)), perColumn);
    }
  }

  private static void registerHashFunctions(Connection connection) throws SQLException {
    for (int half = 0; half < 2; half++) {
      int which = half;
      Function.create(connection, "rehearsal_h" + half, new Function() {
        @Override
        protected void xFunc() throws SQLException {
          String text = value_text(0);
          result(text == null ? 0L : Fingerprints.half(text, which));
        }
      }, 1, Function.FLAG_DETERMINISTIC);
    }
  }

  private static boolean excluded(String table, Set<String> excludedTables) {
    return excludedTables.stream().anyMatch(t -> t.equalsIgnoreCase(table));
  }

  private static SchemaFact fact(String kind, String object, String key, String value) {
    return new SchemaFact(kind, object, Map.of(key, value));
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  static String normalize(String sql) {
    return sql == null ? "" : sql.strip().replaceAll("\\s+", " ").replaceAll("\\( ", "(").replaceAll(" \\)", ")");
  }
}
