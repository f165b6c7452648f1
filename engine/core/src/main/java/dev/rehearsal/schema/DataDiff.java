package dev.rehearsal.schema;

import dev.rehearsal.database.TableFingerprint;
import dev.rehearsal.database.TableFingerprint.ColumnFingerprint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What differs between two data snapshots: per table, the row count and content, and per column, the values
 * ({@code users.legacy_email: 3 values before, 0 after rollback}).
 */
public record DataDiff(List<Change> entries) {

  public DataDiff {
    entries = List.copyOf(entries);
  }

  /**
   * One difference, in words, and what it is about.
   *
   * @param table the table (lower case)
   * @param column the column ({@code table.column}) for a difference of one column's values, else null
   */
  public record Change(String table, String column, String text) {
    public Change {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(text, "text");
    }
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** The differences in words, one per line. */
  public List<String> changes() {
    return entries.stream().map(Change::text).toList();
  }

  /** The {@code table.column} names of the column differences, sorted. */
  public Set<String> columns() {
    Set<String> columns = new TreeSet<>();
    entries.stream().filter(c -> c.column() != null).forEach(c -> columns.add(c.column()));
    return columns;
  }

  /** This diff without the differences of the named columns ({@code table.column}, any case). */
  public DataDiff without(Collection<String> columns) {
    Set<String> names = new TreeSet<>();
    columns.forEach(c -> names.add(c.toLowerCase(Locale.ROOT)));
    return new DataDiff(entries.stream().filter(c -> c.column() == null || !names.contains(c.column())).toList());
  }

  /**
   * Compares two data snapshots.
   *
   * @param tables the tables to compare (any case); empty means every table of either snapshot
   */
  public static DataDiff between(DataSnapshot expected, DataSnapshot actual, Collection<String> tables,
      String expectedWhen, String actualWhen) {
    Set<String> names = new TreeSet<>();
    if (tables.isEmpty()) {
      names.addAll(expected.tables().keySet());
      names.addAll(actual.tables().keySet());
    } else {
      tables.forEach(t -> names.add(t.toLowerCase(Locale.ROOT)));
    }
    List<Change> changes = new ArrayList<>();
    for (String table : names) {
      TableFingerprint was = expected.tables().get(table);
      TableFingerprint now = actual.tables().get(table);
      if (was == null && now == null) {
        changes.add(new Change(table, null, "table " + table + ": absent " + actualWhen + " and " + expectedWhen));
      } else if (now == null) {
        changes.add(new Change(table, null, "table " + table + ": absent " + actualWhen + ", " + rows(was.rows())
            + " " + expectedWhen));
      } else if (was == null) {
        changes.add(new Change(table, null, "table " + table + ": " + rows(now.rows()) + " " + actualWhen
            + ", absent " + expectedWhen));
      } else {
        compare(table, was, now, expectedWhen, actualWhen, changes);
      }
    }
    for (String column : new TreeSet<>(expected.values().keySet())) {
      if (actual.values().containsKey(column) && !expected.values().get(column).equals(actual.values().get(column))) {
        changes.add(new Change(column.substring(0, column.lastIndexOf('.')), column, values(column,
            expected.values().get(column), actual.values().get(column), expectedWhen, actualWhen)));
      }
    }
    return new DataDiff(changes);
  }

  private static void compare(String table, TableFingerprint was, TableFingerprint now, String expectedWhen,
      String actualWhen, List<Change> changes) {
    int before = changes.size();
    if (was.rows() != now.rows()) {
      changes.add(new Change(table, null, "table " + table + ": " + rows(now.rows()) + " " + actualWhen + ", "
          + rows(was.rows()) + " " + expectedWhen));
    }
    Set<String> columns = new LinkedHashSet<>(was.columns().keySet());
    columns.addAll(now.columns().keySet());
    for (String column : columns) {
      ColumnFingerprint a = was.columns().get(column);
      ColumnFingerprint b = now.columns().get(column);
      if (a == null || b == null) {
        continue;
      }
      if (!a.equals(b)) {
        String qualified = table + "." + column.toLowerCase(Locale.ROOT);
        changes.add(new Change(table, qualified, "column " + table + "." + column + ": " + count(b.nonNull()) + " "
            + actualWhen + ", " + count(a.nonNull()) + " " + expectedWhen
            + (a.nonNull() == b.nonNull() ? " (values changed)" : "")));
      }
    }
    if (changes.size() == before && !was.hash().equals(now.hash())
        && was.columns().keySet().equals(now.columns().keySet())) {
      changes.add(new Change(table, null, "table " + table + ": same row count and column values, but rows "
          + "combine them differently " + actualWhen + " than " + expectedWhen));
    }
  }

  private static String values(String column, List<String> before, List<String> after, String expectedWhen,
      String actualWhen) {
    List<String> missing = new ArrayList<>(before);
    after.forEach(missing::remove);
    List<String> extra = new ArrayList<>(after);
    before.forEach(extra::remove);
    // "values of users.email at snapshot s but not now: [a]; now but not at snapshot s: [b]"
    String gone = missing.isEmpty() ? "" : expectedWhen + " but not " + actualWhen + ": " + show(missing);
    String added = extra.isEmpty() ? "" : actualWhen + " but not " + expectedWhen + ": " + show(extra);
    return "values of " + column + " " + gone + (gone.isEmpty() || added.isEmpty() ? "" : "; ") + added;
  }

  private static String show(List<String> values) {
    List<String> shown = values.size() > 10 ? values.subList(0, 10) : values;
    return shown + (values.size() > 10 ? " and " + (values.size() - 10) + " more" : "");
  }

  private static String rows(long n) {
    return n + (n == 1 ? " row" : " rows");
  }

  private static String count(long n) {
    return n + (n == 1 ? " value" : " values");
  }

  public String render() {
    return String.join("\n", changes());
  }
}
