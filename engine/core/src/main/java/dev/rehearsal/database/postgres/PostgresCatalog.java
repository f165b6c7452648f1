package dev.rehearsal.database.postgres;

import dev.rehearsal.database.Catalog;
import dev.rehearsal.database.Relation;
import dev.rehearsal.database.Relations;
import dev.rehearsal.database.SchemaFact;
import dev.rehearsal.database.TableFingerprint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** PostgreSQL's catalog, for the current schema: {@code pg_class}, {@code pg_constraint}, {@code pg_get_*def}. */
final class PostgresCatalog implements Catalog {

  private static final String IN_SCHEMA = "n.nspname = current_schema()";

  private static final String COLUMNS = """
      SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
             pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
       WHERE %s AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
       ORDER BY 1, 2""".formatted(IN_SCHEMA);

  private static final String CONSTRAINTS = """
      SELECT c.relname, k.conname, k.contype, pg_get_constraintdef(k.oid),
             (SELECT string_agg(a.attname, ', ' ORDER BY u.ord) FROM unnest(k.conkey) WITH ORDINALITY u(num, ord)
                JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.num),
             f.relname,
             (SELECT string_agg(a.attname, ', ' ORDER BY u.ord) FROM unnest(k.confkey) WITH ORDINALITY u(num, ord)
                JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.num),
             k.confdeltype, k.confupdtype
        FROM pg_constraint k
        JOIN pg_class c ON c.oid = k.conrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_class f ON f.oid = k.confrelid
       WHERE %s AND k.contype IN ('p', 'u', 'f', 'c')
       ORDER BY 1, 2""".formatted(IN_SCHEMA);

  private static final String INDEXES = """
      SELECT i.relname, t.relname, am.amname, x.indisunique, pg_get_indexdef(x.indexrelid),
             pg_get_expr(x.indpred, x.indrelid)
        FROM pg_index x
        JOIN pg_class i ON i.oid = x.indexrelid
        JOIN pg_class t ON t.oid = x.indrelid
        JOIN pg_am am ON am.oid = i.relam
        JOIN pg_namespace n ON n.oid = t.relnamespace
       WHERE %s AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)
       ORDER BY 1""".formatted(IN_SCHEMA);

  private static final String OTHERS = """
      SELECT 'view', v.viewname, NULL, regexp_replace(v.definition, '\\s+', ' ', 'g')
        FROM pg_views v WHERE v.schemaname = current_schema()
      UNION ALL
      SELECT 'sequence', s.sequencename, NULL,
             'start ' || s.start_value || ', increment ' || s.increment_by || ', min ' || s.min_value || ', max '
             || s.max_value || CASE WHEN s.cycle THEN ', cycle' ELSE '' END
        FROM pg_sequences s
        JOIN pg_class c ON c.relname = s.sequencename
        JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = s.schemaname
       WHERE s.schemaname = current_schema()
         AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('i', 'a'))
      UNION ALL
      SELECT 'enum', t.typname, NULL,
             (SELECT string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid)
        FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE %1$s AND t.typtype = 'e'
      UNION ALL
      SELECT 'trigger', g.tgname || ' on ' || c.relname, NULL, pg_get_triggerdef(g.oid)
        FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE %1$s AND NOT g.tgisinternal
      UNION ALL
      SELECT 'function', p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')',
             'returns ' || pg_get_function_result(p.oid) || ', language ' || l.lanname,
             'body md5 ' || md5(p.prosrc)
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang
       WHERE %1$s AND p.prokind IN ('f', 'p')
       ORDER BY 1, 2""".formatted(IN_SCHEMA);

  private static final String ALL = String.join(";\n", PgSessions.NO_PARALLEL_WORKERS, COLUMNS, CONSTRAINTS, INDEXES,
      OTHERS);

  @Override
  public List<SchemaFact> facts(Connection connection, Set<String> excludedTables) throws SQLException {
    List<SchemaFact> facts = new ArrayList<>();
    // The four queries in one round trip, prepared, so that a connection that reads the catalog again and again (a
    // round-trip's) plans each query once.
    try (PreparedStatement read = connection.prepareStatement(ALL)) {
      read.execute();
      PgSessions.nextResult(read);
      try (ResultSet rs = read.getResultSet()) {
        String table = null;
        while (rs.next()) {
          if (Catalog.excluded(rs.getString(1), excludedTables)) {
            continue;
          }
          if (!rs.getString(1).equals(table)) {
            table = rs.getString(1);
            facts.add(new SchemaFact("table", table, Map.of()));
          }
          Map<String, String> properties = new LinkedHashMap<>();
          properties.put("type", rs.getString(3));
          properties.put("null", rs.getBoolean(4) ? "NOT NULL" : "nullable");
          String identity = rs.getString(6);
          String generated = rs.getString(7);
          properties.put("default", identity != null && !identity.isEmpty()
              ? (identity.equals("a") ? "generated always as identity" : "generated by default as identity")
              : generated != null && !generated.isEmpty() ? "generated always as " + rs.getString(5)
              : rs.getString(5) == null ? "no default" : "default " + rs.getString(5));
          facts.add(new SchemaFact("column", table + "." + rs.getString(2), properties));
        }
      }
      PgSessions.nextResult(read);
      try (ResultSet rs = read.getResultSet()) {
        while (rs.next()) {
          if (!Catalog.excluded(rs.getString(1), excludedTables)) {
            facts.add(constraint(rs));
          }
        }
      }
      PgSessions.nextResult(read);
      try (ResultSet rs = read.getResultSet()) {
        while (rs.next()) {
          if (Catalog.excluded(rs.getString(2), excludedTables)) {
            continue;
          }
          String definition = rs.getString(5);
          int open = definition.indexOf(" USING ");
          String columns = open < 0 ? definition : definition.substring(definition.indexOf('(', open));
          int where = columns.lastIndexOf(" WHERE ");
          Map<String, String> properties = new LinkedHashMap<>();
          properties.put("columns", withoutCasts(where < 0 ? columns : columns.substring(0, where)));
          properties.put("unique", rs.getBoolean(4) ? "unique" : "not unique");
          properties.put("method", rs.getString(3));
          if (rs.getString(6) != null) {
            properties.put("where", "where " + withoutCasts(rs.getString(6)));
          }
          facts.add(new SchemaFact("index", rs.getString(1) + " on " + rs.getString(2), properties));
        }
      }
      PgSessions.nextResult(read);
      try (ResultSet rs = read.getResultSet()) {
        while (rs.next()) {
          Map<String, String> properties = new LinkedHashMap<>();
          if (rs.getString(3) != null) {
            properties.put("signature", rs.getString(3));
          }
          String definition = rs.getString(4) == null ? "" : rs.getString(4).strip();
          properties.put("definition", rs.getString(1).equals("view") ? normalize(definition) : definition);
          facts.add(new SchemaFact(rs.getString(1), rs.getString(2), properties));
        }
      }
    }
    return facts;
  }

  private static SchemaFact constraint(ResultSet rs) throws SQLException {
    String table = rs.getString(1);
    String name = rs.getString(2);
    String definition = rs.getString(4);
    String columns = rs.getString(5);
    return switch (rs.getString(3)) {
      case "p" -> new SchemaFact("primary key", table, Map.of("columns", "(" + columns + ")"));
      case "u" -> new SchemaFact("unique", table + " (" + columns + ")", Map.of("columns", ""));
      case "f" -> {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("on delete", "on delete " + action(rs.getString(8)));
        properties.put("on update", "on update " + action(rs.getString(9)));
        yield new SchemaFact("foreign key", table + "(" + columns + ") -> " + rs.getString(6) + "("
            + rs.getString(7) + ")", properties);
      }
      default -> new SchemaFact("check", table + "." + name, Map.of("expression", normalize(definition)));
    };
  }

  /**
   * Expressions as PostgreSQL prints them change when they are parsed again, as a dump and restore does:
   * {@code status IN ('a')} is stored as {@code = ANY ((ARRAY['a'::varchar])::text[])} and comes back as
   * {@code = ANY (ARRAY[('a'::varchar)::text])}. Type casts and parentheses are left out so that the same
   * constraint reads the same before and after; the loss (grouping that only parentheses show) is accepted for
   * comparison purposes and documented in docs/scenarios.md.
   */
  static String normalize(String expression) {
    return withoutCasts(expression)
        .replace("(", " ").replace(")", " ").replaceAll("\\s+", " ").replaceAll("\\[ ", "[").replaceAll(" \\]", "]")
        .replaceAll(" ,", ",").strip();
  }

  /** The expression without {@code ::type} casts, which PostgreSQL adds and moves when it prints expressions. */
  static String withoutCasts(String expression) {
    return expression.replaceAll("::[a-z_][a-z0-9_ ]*(\\(\\d+(,\\d+)?\\))?(\\[\\])?", "");
  }

  private static String action(String code) {
    return switch (code) {
      case "r" -> "restrict";
      case "c" -> "cascade";
      case "n" -> "set null";
      case "d" -> "set default";
      default -> "no action";
    };
  }

  @Override
  public Map<String, List<String>> tables(Connection connection, Set<String> excludedTables) throws SQLException {
    return PostgresFingerprints.tables(connection, excludedTables);
  }

  @Override
  public TableFingerprint fingerprint(Connection connection, String table, List<String> columns)
      throws SQLException {
    return PostgresFingerprints.fingerprint(connection, table, columns);
  }

  @Override
  public Map<String, TableFingerprint> fingerprints(Connection connection, Map<String, List<String>> tables)
      throws SQLException {
    return PostgresFingerprints.fingerprints(connection, tables);
  }

  @Override
  public Relations relations(Connection connection) throws SQLException {
    return PostgresTables.relations(connection);
  }

  @Override
  public List<String> columns(Connection connection, Relation table) throws SQLException {
    return PostgresTables.columns(connection, table);
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
