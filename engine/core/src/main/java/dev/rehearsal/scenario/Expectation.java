package dev.rehearsal.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** One check inside an {@code expect:} step. {@link #describe()} names the check in reports. */
public sealed interface Expectation {

  /** The key under {@code expect:} that introduced this check. */
  String key();

  /** A short name of the check, e.g. {@code rows users = 3}. */
  String describe();

  SourcePosition position();

  /** {@code version: ID|head|base}: the newest applied migration. */
  record Version(Target version, SourcePosition position) implements Expectation {
    public Version {
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(position, "position");
    }

    @Override
    public String key() {
      return "version";
    }

    @Override
    public String describe() {
      return "version " + version;
    }
  }

  /** {@code pending: N}: how many migrations of the repository are not applied. */
  record Pending(int count, SourcePosition position) implements Expectation {
    public Pending {
      Objects.requireNonNull(position, "position");
    }

    @Override
    public String key() {
      return "pending";
    }

    @Override
    public String describe() {
      return "pending " + count;
    }
  }

  /** {@code rows: {TABLE: N}}: the exact row count of one table. */
  record RowCount(String table, long count, SourcePosition position) implements Expectation {
    public RowCount {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(position, "position");
    }

    @Override
    public String key() {
      return "rows";
    }

    @Override
    public String describe() {
      return "rows " + table + " = " + count;
    }
  }

  /** {@code tables: {present: [...], absent: [...]}}: one table exists or does not. */
  record Table(String table, boolean present, SourcePosition position) implements Expectation {
    public Table {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(position, "position");
    }

    @Override
    public String key() {
      return "tables";
    }

    @Override
    public String describe() {
      return "table " + table + (present ? " present" : " absent");
    }
  }

  /**
   * {@code columns: {TABLE: [...]}} (exactly these columns, in any order) or
   * {@code columns: {TABLE: {present: [...], absent: [...]}}}.
   *
   * @param exactly the complete set of columns, or null for a partial check
   */
  record Columns(String table, List<String> exactly, List<String> present, List<String> absent,
      SourcePosition position) implements Expectation {
    public Columns {
      Objects.requireNonNull(table, "table");
      exactly = exactly == null ? null : List.copyOf(exactly);
      present = List.copyOf(present);
      absent = List.copyOf(absent);
      Objects.requireNonNull(position, "position");
    }

    @Override
    public String key() {
      return "columns";
    }

    @Override
    public String describe() {
      if (exactly != null) {
        return "columns " + table + " = " + exactly;
      }
      List<String> parts = new ArrayList<>();
      if (!present.isEmpty()) {
        parts.add("has " + present);
      }
      if (!absent.isEmpty()) {
        parts.add("lacks " + absent);
      }
      return "columns " + table + " " + String.join(", ", parts);
    }
  }

  /**
   * {@code query: {sql: SELECT, equals: VALUE}} or {@code query: {sql: SELECT, rows: [[...], ...]}}.
   *
   * @param rows the expected rows, in order; a one-value {@code equals} is one row of one value
   * @param scalar whether it was written as {@code equals} (the result must be exactly one value)
   */
  record Query(String sql, List<List<Object>> rows, boolean scalar, SourcePosition position)
      implements Expectation {
    public Query {
      Objects.requireNonNull(sql, "sql");
      List<List<Object>> copy = new ArrayList<>();
      for (List<Object> row : rows) {
        copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
      }
      rows = Collections.unmodifiableList(copy);
      Objects.requireNonNull(position, "position");
    }

    @Override
    public String key() {
      return "query";
    }

    @Override
    public String describe() {
      String oneLine = sql.strip().replaceAll("\\s+", " ");
      return "query " + (oneLine.length() > 70 ? oneLine.substring(0, 67) + "..." : oneLine);
    }
  }

  /**
   * {@code schema: {same_as: LABEL}} or {@code schema: {matches: FILE}}: the schema equals a snapshot taken earlier,
   * or a golden snapshot file committed in the repository.
   *
   * @param sameAs the label, or null
   * @param matches the golden file as written (may contain {@code {database}}), or null
   */
  record Schema(String sameAs, String matches, SourcePosition position) implements Expectation {
    public Schema {
      if ((sameAs == null) == (matches == null)) {
        throw new IllegalArgumentException("exactly one of same_as and matches");
      }
      Objects.requireNonNull(position, "position");
    }

    @Override
    public String key() {
      return "schema";
    }

    @Override
    public String describe() {
      return sameAs != null ? "schema same_as " + sameAs : "schema matches " + matches;
    }
  }

  /**
   * {@code data: {same_as: LABEL, tables: [...]}}: the data equals what a snapshot recorded.
   *
   * @param tables the tables to compare; empty means all
   */
  record Data(String sameAs, List<String> tables, SourcePosition position) implements Expectation {
    public Data {
      Objects.requireNonNull(sameAs, "sameAs");
      tables = List.copyOf(tables);
      Objects.requireNonNull(position, "position");
    }

    @Override
    public String key() {
      return "data";
    }

    @Override
    public String describe() {
      return "data same_as " + sameAs + (tables.isEmpty() ? "" : " " + tables);
    }
  }

  /**
   * One item of {@code constraints:}: {@code primary_key: users(id)}, {@code unique: users(email)},
   * {@code foreign_key: posts(user_id) -> users(id)}, {@code not_null: users.email}, {@code check: posts.NAME}.
   *
   * @param kind the YAML key
   * @param target what was written, normalized (no spaces around punctuation)
   */
  record Constraint(String kind, String target, SourcePosition position) implements Expectation {
    public Constraint {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(position, "position");
    }

    @Override
    public String key() {
      return "constraints";
    }

    @Override
    public String describe() {
      return kind + " " + target;
    }
  }

  /**
   * One item of {@code indexes:}: an index by name (or by table and columns) with the properties given.
   *
   * @param name the index name, or null to find it by table and columns
   * @param table the table, or null
   * @param columns the columns or expressions in order, or null
   * @param unique required uniqueness, or null
   * @param method the access method ({@code btree}, {@code gin}, ...), or null
   */
  record Index(String name, String table, List<String> columns, Boolean unique, String method,
      SourcePosition position) implements Expectation {
    public Index {
      columns = columns == null ? null : List.copyOf(columns);
      Objects.requireNonNull(position, "position");
    }

    @Override
    public String key() {
      return "indexes";
    }

    @Override
    public String describe() {
      List<String> parts = new ArrayList<>();
      parts.add(name != null ? name : "on " + table + (columns == null ? "" : " (" + String.join(", ", columns) + ")"));
      if (unique != null) {
        parts.add(unique ? "unique" : "not unique");
      }
      if (method != null) {
        parts.add(method);
      }
      return "index " + String.join(", ", parts);
    }
  }

  /** {@code locks: {TABLE: {at_most: MODE}}}: no statement of the latest traced step took a stronger lock on it. */
  record Locks(String table, LockMode atMost, SourcePosition position) implements Expectation {
    public Locks {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(atMost, "atMost");
      Objects.requireNonNull(position, "position");
    }

    @Override
    public String key() {
      return "locks";
    }

    @Override
    public String describe() {
      return "locks " + table + " at most " + atMost.shown();
    }
  }

  /** {@code rewrites: {absent: [TABLE], present: [TABLE]}}: whether the latest traced step rewrote the table. */
  record Rewrite(String table, boolean present, SourcePosition position) implements Expectation {
    public Rewrite {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(position, "position");
    }

    @Override
    public String key() {
      return "rewrites";
    }

    @Override
    public String describe() {
      return "rewrite of " + table + (present ? " present" : " absent");
    }
  }
}
