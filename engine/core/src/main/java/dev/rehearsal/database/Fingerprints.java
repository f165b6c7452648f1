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
    for (int i = 0; i < columns.size(); i++) {
      perColumn.put(columns.get(i), new TableFingerprint.ColumnFingerprint(rs.getLong(4 + 2 * i),
          String.format("%016x", rs.getLong(5 + 2 * i))));
    }
    return TableFingerprint.of(table, rs.getLong(1), hash(rs.getLong(2), rs.getLong(3)), perColumn);
  }

  /** Renders the two sums as one hash string. */
  public static String hash(long first, long second) {
    return String.format("%016x%016x", first, second);
  }
}
