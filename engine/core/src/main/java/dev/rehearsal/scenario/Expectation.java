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
}
