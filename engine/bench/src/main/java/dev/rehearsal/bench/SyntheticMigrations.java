package dev.rehearsal.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * N migrations that look like a real repository's: the changelog script {@code migrate init} writes, then tables
 * (with a foreign key to the previous table and three rows), added columns, indexes, link tables with two foreign
 * keys, and data updates, in turn. Every undo section reverses its up section exactly, so every round-trip passes.
 * The SQL runs unchanged on SQLite and PostgreSQL.
 */
final class SyntheticMigrations {

  /** Ids look like MyBatis timestamps and grow by one per migration. */
  static final long FIRST_ID = 20240000000001L;

  static final int ROWS_PER_TABLE = 3;

  private final List<Script> scripts = new ArrayList<>();
  private int tables;

  private SyntheticMigrations() {}

  /** The first {@code count} migrations (at least 2: the changelog and one table). */
  static List<Script> generate(int count) {
    if (count < 2) {
      throw new IllegalArgumentException("a synthetic repository needs at least 2 migrations, asked for " + count);
    }
    SyntheticMigrations migrations = new SyntheticMigrations();
    migrations.changelog();
    for (int k = 1; k < count; k++) {
      switch ((k - 1) % 5) {
        case 0 -> migrations.table();
        case 1 -> migrations.column(k);
        case 2 -> migrations.index(k);
        case 3 -> migrations.link(k);
        default -> migrations.update(k);
      }
    }
    return List.copyOf(migrations.scripts);
  }

  /** How many tables {@code t1..tN} (not link tables) the first {@code count} migrations create. */
  static int tables(int count) {
    return (count - 2) / 5 + 1;
  }

  private void changelog() {
    add("create changelog", List.of("CREATE TABLE CHANGELOG (ID NUMERIC(20,0) NOT NULL, APPLIED_AT VARCHAR(25) NOT NULL, "
        + "DESCRIPTION VARCHAR(255) NOT NULL, CONSTRAINT PK_CHANGELOG PRIMARY KEY (ID));"),
        List.of("DROP TABLE CHANGELOG;"));
  }

  private void table() {
    int t = ++tables;
    String parent = t == 1 ? "" : ", parent_id INTEGER REFERENCES t" + (t - 1) + " (id)";
    List<String> up = new ArrayList<>();
    up.add("CREATE TABLE t" + t + " (id INTEGER PRIMARY KEY" + parent
        + ", name VARCHAR(100) NOT NULL, score INTEGER NOT NULL DEFAULT 0);");
    for (int row = 1; row <= ROWS_PER_TABLE; row++) {
      up.add("INSERT INTO t" + t + " (id, name, score) VALUES (" + row + ", 'row " + row + " of t" + t + "', "
          + row * 10 + ");");
    }
    add("create table t" + t, up, List.of("DROP TABLE t" + t + ";"));
  }

  private void column(int k) {
    String table = "t" + recent(k);
    add("add column c" + k + " to " + table,
        List.of("ALTER TABLE " + table + " ADD COLUMN c" + k + " VARCHAR(40) DEFAULT 'none';"),
        List.of("ALTER TABLE " + table + " DROP COLUMN c" + k + ";"));
  }

  private void index(int k) {
    String table = "t" + recent(k);
    add("index " + table + " by name and score",
        List.of("CREATE INDEX ix" + k + " ON " + table + " (name, score);"), List.of("DROP INDEX ix" + k + ";"));
  }

  private void link(int k) {
    int a = recent(k);
    int b = Math.max(1, tables - 1);
    add("link t" + a + " and t" + b, List.of(
        "CREATE TABLE l" + k + " (a_id INTEGER NOT NULL REFERENCES t" + a + " (id), b_id INTEGER NOT NULL "
            + "REFERENCES t" + b + " (id), PRIMARY KEY (a_id, b_id));",
        "INSERT INTO l" + k + " (a_id, b_id) VALUES (1, 2);"), List.of("DROP TABLE l" + k + ";"));
  }

  private void update(int k) {
    String table = "t" + recent(k);
    add("raise scores of " + table, List.of("UPDATE " + table + " SET score = score + " + k + ";"),
        List.of("UPDATE " + table + " SET score = score - " + k + ";"));
  }

  /** One of the four newest tables, chosen by {@code k}, so that changes spread over the schema. */
  private int recent(int k) {
    return tables - k % Math.min(tables, 4);
  }

  private void add(String description, List<String> up, List<String> undo) {
    scripts.add(new Script(FIRST_ID + scripts.size(), description, up, undo));
  }
}
