package dev.rehearsal.schema;

import dev.rehearsal.database.TableFingerprint;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The data of every table as fingerprints, plus the sorted values of the columns a scenario asked to keep, so that
 * a difference can name them.
 *
 * @param tables fingerprints by table name (lower case)
 * @param values rendered values by {@code table.column} (lower case), sorted
 */
public record DataSnapshot(SortedMap<String, TableFingerprint> tables, SortedMap<String, List<String>> values) {

  public DataSnapshot {
    tables = new TreeMap<>(tables);
    values = new TreeMap<>(values);
  }

  public static DataSnapshot of(Map<String, TableFingerprint> tables, Map<String, List<String>> values) {
    return new DataSnapshot(new TreeMap<>(tables), new TreeMap<>(values));
  }
}
