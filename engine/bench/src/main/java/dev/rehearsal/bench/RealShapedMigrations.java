package dev.rehearsal.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * N migrations shaped like a real service's PostgreSQL repository: at N = 500 91 tables of 8 to 17 columns (most 8
 * to 14), 236 indexes besides the keys (unique, partial, multi-column), foreign keys, sequences, views, SQL functions,
 * lookup rows, data updates, column type changes and renames. Changes land all over the schema, not only on the
 * newest tables. Every undo section reverses its up section exactly, so every round-trip passes. PostgreSQL only
 * (SQLite cannot change a column's type). Tables are {@code t1..tN} with {@code id} and {@code name}, three rows
 * each, as the suite's scenarios expect of {@link SyntheticMigrations}.
 */
final class RealShapedMigrations {

  private final List<Script> scripts = new ArrayList<>();
  private final Map<Integer, Integer> labelLength = new HashMap<>();
  private final Map<Integer, String> noteName = new HashMap<>();
  private int tables;
  private int lookups;

  private RealShapedMigrations() {}

  /** The first {@code count} migrations (at least 3: the changelog, the lookup table and one table). */
  static List<Script> generate(int count) {
    if (count < 3) {
      throw new IllegalArgumentException("a real-shaped repository needs at least 3 migrations, asked for " + count);
    }
    RealShapedMigrations migrations = new RealShapedMigrations();
    migrations.changelog();
    migrations.lookupTable();
    for (int k = 2; migrations.scripts.size() < count; k++) {
      migrations.next(k);
    }
    return List.copyOf(migrations.scripts);
  }

  /** How many tables {@code t1..tN} the first {@code count} migrations create. */
  static int tables(int count) {
    return (int) generate(count).stream().filter(s -> s.description().startsWith("create table t")).count();
  }

  private void next(int k) {
    switch (k % 11) {
      case 2, 7 -> table(k);
      case 3 -> index(k, "multi");
      case 4 -> column(k);
      case 5 -> index(k, "unique");
      case 6 -> update(k);
      case 8 -> index(k, "partial");
      case 9 -> lookupRows();
      case 10 -> typeChange(k);
      case 0 -> column(k);
      default -> rotating(k);
    }
  }

  /** Every 11th migration: in turn a sequence, a view, a function, a rename, a foreign key. */
  private void rotating(int k) {
    switch ((k / 11) % 5) {
      case 0 -> add("create sequence seq" + k, List.of("CREATE SEQUENCE seq" + k + " START WITH 1000 INCREMENT BY 5;"),
          List.of("DROP SEQUENCE seq" + k + ";"));
      case 1 -> {
        int t = any(k);
        add("create view v" + k + " of t" + t, List.of("CREATE VIEW v" + k + " AS SELECT id, name, score FROM t" + t
            + " WHERE score > " + k % 7 + ";"), List.of("DROP VIEW v" + k + ";"));
      }
      case 2 -> add("create function f" + k, List.of("CREATE FUNCTION f" + k + "(x integer) RETURNS integer "
          + "LANGUAGE sql IMMUTABLE AS 'SELECT x + " + k + "';"), List.of("DROP FUNCTION f" + k + "(integer);"));
      case 3 -> {
        int t = any(k);
        String from = noteName.getOrDefault(t, "note");
        String to = "note" + k;
        noteName.put(t, to);
        add("rename t" + t + " " + from + " to " + to, List.of("ALTER TABLE t" + t + " RENAME COLUMN " + from
            + " TO " + to + ";"), List.of("ALTER TABLE t" + t + " RENAME COLUMN " + to + " TO " + from + ";"));
      }
      default -> {
        int from = any(k);
        int to = any(k * 7 + 3);
        add("reference t" + to + " from t" + from, List.of("ALTER TABLE t" + from + " ADD COLUMN ref" + k
            + " BIGINT REFERENCES t" + to + " (id);", "CREATE INDEX ix_ref" + k + " ON t" + from + " (ref" + k + ");"),
            List.of("ALTER TABLE t" + from + " DROP COLUMN ref" + k + ";"));
      }
    }
  }

  private void changelog() {
    add("create changelog", List.of("CREATE TABLE CHANGELOG (ID NUMERIC(20,0) NOT NULL, APPLIED_AT VARCHAR(25) NOT NULL, "
        + "DESCRIPTION VARCHAR(255) NOT NULL, CONSTRAINT PK_CHANGELOG PRIMARY KEY (ID));"),
        List.of("DROP TABLE CHANGELOG;"));
  }

  private void lookupTable() {
    add("create lookup values", List.of("CREATE TABLE lookup_values (id INTEGER PRIMARY KEY, kind VARCHAR(40) NOT NULL, "
        + "label VARCHAR(100) NOT NULL, position INTEGER NOT NULL DEFAULT 0, CONSTRAINT uq_lookup UNIQUE (kind, label));"),
        List.of("DROP TABLE lookup_values;"));
  }

  /** A table of 8 to 12 columns, a foreign key to an earlier table, an index on it, and three rows. */
  private void table(int k) {
    int t = ++tables;
    labelLength.put(t, 60);
    List<String> columns = new ArrayList<>(List.of("id BIGINT PRIMARY KEY",
        "parent_id BIGINT" + (t == 1 ? "" : " REFERENCES t" + parent(t) + " (id)"),
        "name VARCHAR(100) NOT NULL", "code VARCHAR(40) NOT NULL DEFAULT 'none'", "score INTEGER NOT NULL DEFAULT 0",
        "label VARCHAR(60)", "note TEXT", "created_at TIMESTAMP NOT NULL DEFAULT TIMESTAMP '2024-01-01 00:00:00'"));
    String[] extra = {"amount NUMERIC(12,2) DEFAULT 0", "active BOOLEAN NOT NULL DEFAULT true", "weight REAL",
        "status VARCHAR(20) NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'open', 'closed'))"};
    for (int i = 0; i < t % 5; i++) {
      columns.add(extra[i]);
    }
    List<String> up = new ArrayList<>();
    up.add("CREATE TABLE t" + t + " (" + String.join(", ", columns) + ");");
    up.add("CREATE INDEX ix_t" + t + "_parent ON t" + t + " (parent_id);");
    for (int row = 1; row <= SyntheticMigrations.ROWS_PER_TABLE; row++) {
      up.add("INSERT INTO t" + t + " (id, parent_id, name, score, label) VALUES (" + row + ", "
          + (t == 1 ? "NULL" : String.valueOf(row)) + ", 'row " + row + " of t" + t + "', " + row * 10 + ", 'l"
          + k + "');");
    }
    add("create table t" + t, up, List.of("DROP TABLE t" + t + ";"));
  }

  private void index(int k, String kind) {
    int t = any(k);
    String table = "t" + t;
    switch (kind) {
      case "unique" -> add("unique index ux" + k + " on " + table, List.of("CREATE UNIQUE INDEX ux" + k + " ON " + table
          + " (code, id);"), List.of("DROP INDEX ux" + k + ";"));
      case "partial" -> add("partial index px" + k + " on " + table, List.of("CREATE INDEX px" + k + " ON " + table
          + " (score) WHERE score > " + k % 50 + ";"), List.of("DROP INDEX px" + k + ";"));
      default -> add("index ix" + k + " on " + table, List.of("CREATE INDEX ix" + k + " ON " + table
          + " (name, score);"), List.of("DROP INDEX ix" + k + ";"));
    }
  }

  private void column(int k) {
    int t = any(k);
    add("add column c" + k + " to t" + t, List.of("ALTER TABLE t" + t + " ADD COLUMN c" + k
        + " VARCHAR(40) DEFAULT 'none';"), List.of("ALTER TABLE t" + t + " DROP COLUMN c" + k + ";"));
  }

  private void update(int k) {
    int t = any(k);
    add("raise scores of t" + t, List.of("UPDATE t" + t + " SET score = score + " + k + ";"),
        List.of("UPDATE t" + t + " SET score = score - " + k + ";"));
  }

  private void lookupRows() {
    int first = lookups * 3 + 1;
    lookups++;
    List<String> up = new ArrayList<>();
    for (int id = first; id < first + 3; id++) {
      up.add("INSERT INTO lookup_values (id, kind, label, position) VALUES (" + id + ", 'kind" + lookups
          + "', 'value " + id + "', " + id + ");");
    }
    add("lookup values of kind" + lookups, up, List.of("DELETE FROM lookup_values WHERE id BETWEEN " + first
        + " AND " + (first + 2) + ";"));
  }

  /** Widens {@code label}: the undo narrows it back, which the rows' values (a few characters) allow. */
  private void typeChange(int k) {
    int t = any(k);
    int from = labelLength.get(t);
    int to = from + 20;
    labelLength.put(t, to);
    add("widen t" + t + " label to " + to, List.of("ALTER TABLE t" + t + " ALTER COLUMN label TYPE VARCHAR(" + to
        + ");"), List.of("ALTER TABLE t" + t + " ALTER COLUMN label TYPE VARCHAR(" + from + ");"));
  }

  /** Any table so far, chosen by {@code k}: changes spread over the whole schema. */
  private int any(int k) {
    return 1 + Math.floorMod(k * 37, tables);
  }

  private int parent(int t) {
    return 1 + Math.floorMod(t * 13, t - 1);
  }

  private void add(String description, List<String> up, List<String> undo) {
    scripts.add(new Script(SyntheticMigrations.FIRST_ID + scripts.size(), description, up, undo));
  }
}
