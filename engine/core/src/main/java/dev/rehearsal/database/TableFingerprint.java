package dev.rehearsal.database;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The content of one table, computed inside the database without regard to row or column order.
 *
 * @param rows the row count
 * @param hash a hash of every row's values (columns taken in name order)
 * @param columns per column: how many values are not null, and a hash of the values
 */
public record TableFingerprint(String table, long rows, String hash, SortedMap<String, ColumnFingerprint> columns) {

  public TableFingerprint {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(hash, "hash");
    columns = new TreeMap<>(columns);
  }

  public static TableFingerprint of(String table, long rows, String hash, Map<String, ColumnFingerprint> columns) {
    return new TableFingerprint(table, rows, hash, new TreeMap<>(columns));
  }

  /** The values of one column, as a multiset: how many are not null, and their hash. */
  public record ColumnFingerprint(long nonNull, String hash) {}
}
