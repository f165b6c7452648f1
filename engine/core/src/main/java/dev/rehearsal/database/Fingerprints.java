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

  /** The per-column part of a fingerprint query: {@code , count(c), sum} for each column of a group. */
  @FunctionalInterface
  public interface PerColumn {
    void append(StringBuilder sql, List<String> columns);
  }

  /**
   * A table's fingerprint in as many queries as its width needs: {@code SELECT count(*), ROWSUMS, <per column of
   * the first group> FROM from}, then {@code SELECT 0, <per column of the next group> FROM from} for each further
   * group of {@code perQuery} columns. Every query is prepared: a connection that fingerprints the same table again
   * and again (a round-trip's) has it planned once.
   *
   * @param rowSums the two sums over the rows' hashes, as SQL ({@code sum1, sum2})
   */
  public static TableFingerprint query(java.sql.Connection connection, String table, List<String> columns,
      int perQuery, String rowSums, PerColumn perColumn, String from) throws SQLException {
    List<List<String>> groups = groups(columns, perQuery);
    StringBuilder sql = new StringBuilder("SELECT count(*), ").append(rowSums);
    perColumn.append(sql, groups.get(0));
    TableFingerprint first;
    try (java.sql.PreparedStatement statement = connection.prepareStatement(sql.append(" FROM ").append(from)
        .toString()); ResultSet rs = statement.executeQuery()) {
      first = read(rs, table, groups.get(0));
    }
    if (groups.size() == 1) {
      return first;
    }
    Map<String, TableFingerprint.ColumnFingerprint> all = new TreeMap<>(first.columns());
    for (List<String> group : groups.subList(1, groups.size())) {
      StringBuilder more = new StringBuilder("SELECT 0");
      perColumn.append(more, group);
      try (java.sql.PreparedStatement statement = connection.prepareStatement(more.append(" FROM ").append(from)
          .toString()); ResultSet rs = statement.executeQuery()) {
        rs.next();
        readColumns(rs, group, 2, all);
      }
    }
    return TableFingerprint.of(table, first.rows(), first.hash(), all);
  }

  /** Renders the two sums as one hash string. */
  public static String hash(long first, long second) {
    return String.format("%016x%016x", first, second);
  }
}
