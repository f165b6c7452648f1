package dev.rehearsal.schema;

import dev.rehearsal.database.TableFingerprint;
import dev.rehearsal.database.TableFingerprint.ColumnFingerprint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What differs between two data snapshots: per table, the row count and content, and per column, the values
 * ({@code users.legacy_email: 3 values before, 0 after rollback}).
 */
public record DataDiff(List<String> changes) {

  public DataDiff {
    changes = List.copyOf(changes);
  }

  public boolean isEmpty() {
    return changes.isEmpty();
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
    List<String> changes = new ArrayList<>();
    for (String table : names) {
      TableFingerprint was = expected.tables().get(table);
      TableFingerprint now = actual.tables().get(table);
      if (was == null && now == null) {
        changes.add("table " + table + ": absent " + actualWhen + " and " + expectedWhen);
      } else if (now == null) {
        changes.add("table " + table + ": absent " + actualWhen + ", " + rows(was.rows()) + " " + expectedWhen);
      } else if (was == null) {
        changes.add("table " + table + ": " + rows(now.rows()) + " " + actualWhen + ", absent " + expectedWhen);
      } else {
        compare(table, was, now, expectedWhen, actualWhen, changes);
      }
    }
    for (String column : new TreeSet<>(expected.values().keySet())) {
      if (actual.values().containsKey(column) && !expected.values().get(column).equals(actual.values().get(column))) {
        changes.add(values(column, expected.values().get(column), actual.values().get(column), expectedWhen,
            actualWhen));
      }
    }
    return new DataDiff(changes);
  }

  private static void compare(String table, TableFingerprint was, TableFingerprint now, String expectedWhen,
      String actualWhen, List<String> changes) {
    int before = changes.size();
    if (was.rows() != now.rows()) {
      changes.add("table " + table + ": " + rows(now.rows()) + " " + actualWhen + ", " + rows(was.rows()) + " "
          + expectedWhen);
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
        changes.add("column " + table + "." + column + ": " + count(b.nonNull()) + " " + actualWhen + ", "
            + count(a.nonNull()) + " " + expectedWhen + (a.nonNull() == b.nonNull() ? " (values changed)" : ""));
      }
    }
    if (changes.size() == before && !was.hash().equals(now.hash())
        && was.columns().keySet().equals(now.columns().keySet())) {
      changes.add("table " + table + ": same row count and column values, but rows combine them differently "
          + actualWhen + " than " + expectedWhen);
    }
  }

  private static String values(String column, List<String> before, List<String> after, String expectedWhen,
      String actualWhen) {
    List<String> missing = new ArrayList<>(before);
    after.forEach(missing::remove);
    List<String> extra = new ArrayList<>(after);
    before.forEach(extra::remove);
    return "values of " + column + ": " + (missing.isEmpty() ? "" : "missing " + actualWhen + " " + show(missing))
        + (missing.isEmpty() || extra.isEmpty() ? "" : "; ")
        + (extra.isEmpty() ? "" : "not there " + expectedWhen + " " + show(extra));
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
    return String.join("\n", changes);
  }
}
