package dev.rehearsal.database;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The hash both engines agree on for one value's text: two 32-bit halves of its MD5, summed over rows. */
public final class Fingerprints {

  private Fingerprints() {}

  /** The first ({@code half} 0) or second ({@code half} 1) 32 bits of MD5 of {@code text}, unsigned. */
  public static long half(String text, int half) {
    try {
      byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
      long value = 0;
      for (int i = half * 4; i < half * 4 + 4; i++) {
        value = (value << 8) | (digest[i] & 0xff);
      }
      return value;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is part of every Java runtime", e);
    }
  }

  /**
   * A table's fingerprint from the one row of its fingerprint query, whose columns are: the row count, the two sums of
   * the rows' hashes, then for each of {@code columns} (in that order) its count of non-NULL values and its hash sum.
   */
  public static TableFingerprint read(ResultSet rs, String table, List<String> columns) throws SQLException {
    rs.next();
    Map<String, TableFingerprint.ColumnFingerprint> perColumn = new TreeMap<>();
    readColumns(rs, columns, 4, perColumn);
    return TableFingerprint.of(table, rs.getLong(1), hash(rs.getLong(2), rs.getLong(3)), perColumn);
  }

  /**
   * Adds the per-column part of a fingerprint query's current row to {@code into}: for each of {@code columns}, its
   * count and hash sum, starting at result column {@code first}.
   */
  public static void readColumns(ResultSet rs, List<String> columns, int first,
      Map<String, TableFingerprint.ColumnFingerprint> into) throws SQLException {
    for (int i = 0; i < columns.size(); i++) {
      into.put(columns.get(i), new TableFingerprint.ColumnFingerprint(rs.getLong(first + 2 * i),
          String.format("%016x", rs.getLong(first + 1 + 2 * i))));
    }
  }

  /**
   * {@code columns} cut into runs of at most {@code size}: a wide table's per-column sums go in several queries,
   * because an engine bounds the columns of one result (PostgreSQL's target list, SQLite's SQLITE_MAX_COLUMN).
   */
  public static <T> List<List<T>> groups(List<T> columns, int size) {
    List<List<T>> groups = new java.util.ArrayList<>();
    for (int from = 0; from < columns.size(); from += size) {
      groups.add(columns.subList(from, Math.min(columns.size(), from + size)));
    }
    return groups.isEmpty() ? List.of(List.of()) : groups;
  }

  /** Renders the two sums as one hash string. */
  public static String hash(long first, long second) {
    return String.format("%016x%016x", first, second);
  }
}
