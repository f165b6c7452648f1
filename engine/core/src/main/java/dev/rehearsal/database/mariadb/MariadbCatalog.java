package dev.rehearsal.database.mariadb;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * MariaDB's catalog, for the connection's database, from {@code information_schema}, in the facts every engine
 * gives. A unique constraint and a unique index are one thing in MariaDB, so both are {@code index} facts (the
 * {@code unique:} expectation accepts either); a table's engine and collation are shown only where they differ from
 * the server's engine and the database's collation, a column's collation where it differs from its table's. The
 * database's own name, which MariaDB writes into view definitions, is left out, so that a copy or a restore into
 * another scratch database reads the same.
 */
final class MariadbCatalog implements Catalog {

  private static final String HERE = "TABLE_SCHEMA = DATABASE()";
  private static final String TABLES = "SELECT t.TABLE_NAME, t.ENGINE, t.TABLE_COLLATION, s.DEFAULT_COLLATION_NAME, "
      + "@@default_storage_engine FROM information_schema.TABLES t JOIN information_schema.SCHEMATA s "
      + "ON s.SCHEMA_NAME = t.TABLE_SCHEMA WHERE t." + HERE + " AND t.TABLE_TYPE IN ('BASE TABLE', "
      + "'SYSTEM VERSIONED') ORDER BY 1";
  private static final String SEQUENCES = "SELECT TABLE_NAME FROM information_schema.TABLES WHERE " + HERE
      + " AND TABLE_TYPE = 'SEQUENCE' ORDER BY 1";
  private static final String COLUMNS = "SELECT c.TABLE_NAME, c.COLUMN_NAME, c.COLUMN_TYPE, c.IS_NULLABLE, "
      + "c.COLUMN_DEFAULT, c.EXTRA, c.GENERATION_EXPRESSION, c.COLLATION_NAME, t.TABLE_COLLATION "
      + "FROM information_schema.COLUMNS c JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA "
      + "AND t.TABLE_NAME = c.TABLE_NAME WHERE c." + HERE + " AND t.TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED') "
      + "ORDER BY 1, 2";
  private static final String INDEXES = "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, INDEX_TYPE, COLUMN_NAME, "
      + "SUB_PART, COLLATION FROM information_schema.STATISTICS WHERE " + HERE + " ORDER BY 1, 2, SEQ_IN_INDEX";
  private static final String FOREIGN_KEYS = "SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, "
      + "k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, r.DELETE_RULE, r.UPDATE_RULE "
      + "FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.REFERENTIAL_CONSTRAINTS r "
      + "ON r.CONSTRAINT_SCHEMA = k.TABLE_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME "
      + "AND r.TABLE_NAME = k.TABLE_NAME WHERE k." + HERE + " ORDER BY 1, 2, k.ORDINAL_POSITION";
  private static final String CHECKS = "SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE "
      + "FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() ORDER BY 1, 2";
  private static final String VIEWS = "SELECT TABLE_NAME, VIEW_DEFINITION FROM information_schema.VIEWS WHERE "
      + HERE + " ORDER BY 1";
  private static final String TRIGGERS = "SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE, ACTION_TIMING, "
      + "EVENT_MANIPULATION, ACTION_STATEMENT FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() "
      + "ORDER BY 1";
  private static final String ROUTINES = "SELECT r.ROUTINE_NAME, r.ROUTINE_TYPE, r.DTD_IDENTIFIER, "
      + "r.ROUTINE_DEFINITION, (SELECT GROUP_CONCAT(CONCAT_WS(' ', p.PARAMETER_MODE, p.PARAMETER_NAME, "
      + "p.DTD_IDENTIFIER) ORDER BY p.ORDINAL_POSITION SEPARATOR ', ') FROM information_schema.PARAMETERS p "
      + "WHERE p.SPECIFIC_SCHEMA = r.ROUTINE_SCHEMA AND p.SPECIFIC_NAME = r.SPECIFIC_NAME "
      + "AND p.ORDINAL_POSITION > 0) FROM information_schema.ROUTINES r WHERE r.ROUTINE_SCHEMA = DATABASE() "
      + "ORDER BY 1, 2";

  @Override
  public List<SchemaFact> facts(Connection connection, Set<String> excludedTables) throws SQLException {
    List<SchemaFact> facts = new ArrayList<>();
    try (Statement statement = connection.createStatement()) {
      String database;
      try (ResultSet rs = statement.executeQuery("SELECT DATABASE()")) {
        rs.next();
        database = rs.getString(1);
      }
      try (ResultSet rs = statement.executeQuery(TABLES)) {
        while (rs.next()) {
          if (!Catalog.excluded(rs.getString(1), excludedTables)) {
            Map<String, String> properties = new LinkedHashMap<>();
            if (rs.getString(2) != null && !rs.getString(2).equalsIgnoreCase(rs.getString(5))) {
              properties.put("engine", "engine " + rs.getString(2));
            }
            if (rs.getString(3) != null && !rs.getString(3).equals(rs.getString(4))) {
              properties.put("collation", "collation " + rs.getString(3));
            }
            facts.add(new SchemaFact("table", rs.getString(1), properties));
          }
        }
      }
      try (ResultSet rs = statement.executeQuery(COLUMNS)) {
        while (rs.next()) {
          if (!Catalog.excluded(rs.getString(1), excludedTables)) {
            facts.add(column(rs));
          }
        }
      }
      indexes(statement, excludedTables, facts);
      foreignKeys(statement, excludedTables, facts);
      try (ResultSet rs = statement.executeQuery(CHECKS)) {
        while (rs.next()) {
          if (!Catalog.excluded(rs.getString(1), excludedTables)) {
            facts.add(new SchemaFact("check", rs.getString(1) + "." + rs.getString(2),
                Map.of("expression", normalize(rs.getString(3), database))));
          }
        }
      }
      try (ResultSet rs = statement.executeQuery(VIEWS)) {
        while (rs.next()) {
          facts.add(new SchemaFact("view", rs.getString(1), Map.of("definition",
              normalize(rs.getString(2), database))));
        }
      }
      try (ResultSet rs = statement.executeQuery(TRIGGERS)) {
        while (rs.next()) {
          facts.add(new SchemaFact("trigger", rs.getString(1) + " on " + rs.getString(2), Map.of("definition",
              (rs.getString(3) + " " + rs.getString(4)).toLowerCase(Locale.ROOT) + " for each row "
                  + normalize(rs.getString(5), database))));
        }
      }
      try (ResultSet rs = statement.executeQuery(ROUTINES)) {
        while (rs.next()) {
          Map<String, String> properties = new LinkedHashMap<>();
          String type = rs.getString(2).toLowerCase(Locale.ROOT);
          properties.put("signature", type + " (" + (rs.getString(5) == null ? "" : rs.getString(5)) + ")"
              + (rs.getString(3) == null ? "" : " returns " + rs.getString(3)));
          properties.put("definition", normalize(rs.getString(4), database));
          facts.add(new SchemaFact("function", rs.getString(1), properties));
        }
      }
      List<String> sequences = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery(SEQUENCES)) {
        while (rs.next()) {
          sequences.add(rs.getString(1));
        }
      }
      for (String sequence : sequences) {
        try (ResultSet rs = statement.executeQuery("SELECT start_value, increment, minimum_value, maximum_value, "
            + "cycle_option FROM " + MariadbSql.id(sequence))) {
          rs.next();
          facts.add(new SchemaFact("sequence", sequence, Map.of("definition", "start " + rs.getString(1)
              + ", increment " + rs.getString(2) + ", min " + rs.getString(3) + ", max " + rs.getString(4)
              + (rs.getBoolean(5) ? ", cycle" : ""))));
        }
      }
    }
    return facts;
  }

  private static SchemaFact column(ResultSet rs) throws SQLException {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("type", rs.getString(3).toLowerCase(Locale.ROOT));
    properties.put("null", "YES".equals(rs.getString(4)) ? "nullable" : "NOT NULL");
    String extra = rs.getString(6) == null ? "" : rs.getString(6).toLowerCase(Locale.ROOT);
    String dflt = rs.getString(5);
    if (extra.contains("generated")) {
      properties.put("default", "generated always as (" + rs.getString(7).replace("`", "") + ")"
          + (extra.contains("stored") ? " stored" : " virtual"));
    } else if (extra.contains("auto_increment")) {
      properties.put("default", "auto_increment");
    } else {
      properties.put("default", dflt == null || dflt.equals("NULL") ? "no default" : "default " + dflt);
    }
    int onUpdate = extra.indexOf("on update ");
    if (onUpdate >= 0) {
      properties.put("on update", extra.substring(onUpdate));
    }
    if (rs.getString(8) != null && !rs.getString(8).equals(rs.getString(9))) {
      properties.put("collation", "collation " + rs.getString(8));
    }
    return new SchemaFact("column", rs.getString(1) + "." + rs.getString(2), properties);
  }

  private static void indexes(Statement statement, Set<String> excluded, List<SchemaFact> facts)
      throws SQLException {
    Map<String, List<String>> columns = new LinkedHashMap<>();
    Map<String, String[]> kinds = new LinkedHashMap<>();
    try (ResultSet rs = statement.executeQuery(INDEXES)) {
      while (rs.next()) {
        if (Catalog.excluded(rs.getString(1), excluded)) {
          continue;
        }
        String key = rs.getString(1) + "\u0000" + rs.getString(2);
        String column = rs.getString(5) + (rs.getString(6) == null ? "" : "(" + rs.getString(6) + ")")
            + ("D".equals(rs.getString(7)) ? " DESC" : "");
        columns.computeIfAbsent(key, k -> new ArrayList<>()).add(column);
        kinds.putIfAbsent(key, new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
      }
    }
    kinds.forEach((key, index) -> {
      String list = "(" + String.join(", ", columns.get(key)) + ")";
      if (index[1].equals("PRIMARY")) {
        facts.add(new SchemaFact("primary key", index[0], Map.of("columns", list)));
        return;
      }
      Map<String, String> properties = new LinkedHashMap<>();
      properties.put("columns", list);
      properties.put("unique", index[2].equals("0") ? "unique" : "not unique");
      properties.put("method", index[3].toLowerCase(Locale.ROOT));
      facts.add(new SchemaFact("index", index[1] + " on " + index[0], properties));
    });
  }

  private static void foreignKeys(Statement statement, Set<String> excluded, List<SchemaFact> facts)
      throws SQLException {
    Map<String, List<String[]>> keys = new LinkedHashMap<>();
    try (ResultSet rs = statement.executeQuery(FOREIGN_KEYS)) {
      while (rs.next()) {
        if (!Catalog.excluded(rs.getString(1), excluded)) {
          keys.computeIfAbsent(rs.getString(1) + "\u0000" + rs.getString(2), k -> new ArrayList<>())
              .add(new String[] {rs.getString(1), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                  rs.getString(7)});
        }
      }
    }
    keys.values().forEach(parts -> {
      String[] first = parts.get(0);
      String object = first[0] + "(" + String.join(", ", parts.stream().map(p -> p[1]).toList()) + ") -> "
          + first[2] + "(" + String.join(", ", parts.stream().map(p -> p[3]).toList()) + ")";
      Map<String, String> properties = new LinkedHashMap<>();
      properties.put("on delete", "on delete " + first[4].toLowerCase(Locale.ROOT));
      properties.put("on update", "on update " + first[5].toLowerCase(Locale.ROOT));
      facts.add(new SchemaFact("foreign key", object, properties));
    });
  }

  /**
   * An expression or definition as MariaDB prints it, without the database's name ({@code `db`.`t`} is {@code t}),
   * backticks, and runs of blanks.
   */
  static String normalize(String text, String database) {
    if (text == null) {
      return "";
    }
    return text.replace(MariadbSql.id(database) + ".", "").replace("`", "").replaceAll("\\s+", " ").strip();
  }

  @Override
  public Map<String, List<String>> tables(Connection connection, Set<String> excludedTables) throws SQLException {
    return MariadbFingerprints.tables(connection, excludedTables);
  }

  @Override
  public TableFingerprint fingerprint(Connection connection, String table, List<String> columns)
      throws SQLException {
    return MariadbFingerprints.fingerprint(connection, table, columns);
  }

  @Override
  public Relations relations(Connection connection) throws SQLException {
    return MariadbTables.relations(connection);
  }

  @Override
  public List<String> columns(Connection connection, Relation table) throws SQLException {
    return MariadbTables.columns(connection, table);
  }
}
