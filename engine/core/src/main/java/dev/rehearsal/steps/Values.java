package dev.rehearsal.steps;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Compares values from YAML with values from JDBC the way a reader of the scenario would: numbers by value
 * ({@code 1} equals {@code 1.0}), booleans also as 1/0, text exactly (no trimming), null only to null.
 */
final class Values {

  private Values() {}

  static boolean same(Object expected, Object actual) {
    if (expected == null || actual == null) {
      return expected == null && actual == null;
    }
    BigDecimal left = number(expected);
    BigDecimal right = number(actual);
    if (left != null && right != null) {
      return left.compareTo(right) == 0;
    }
    if (expected instanceof Boolean flag) {
      return right != null ? right.compareTo(flag ? BigDecimal.ONE : BigDecimal.ZERO) == 0
          : flag.toString().equalsIgnoreCase(text(actual));
    }
    return text(expected).equals(text(actual));
  }

  static boolean sameRows(List<List<Object>> expected, List<List<Object>> actual) {
    if (expected.size() != actual.size()) {
      return false;
    }
    for (int r = 0; r < expected.size(); r++) {
      List<Object> want = expected.get(r);
      List<Object> got = actual.get(r);
      if (want.size() != got.size()) {
        return false;
      }
      for (int c = 0; c < want.size(); c++) {
        if (!same(want.get(c), got.get(c))) {
          return false;
        }
      }
    }
    return true;
  }

  /** A value as a reader writes it: null, numbers plain, text in double quotes when it could be misread. */
  static String show(Object value) {
    if (value == null) {
      return "null";
    }
    BigDecimal number = number(value);
    if (number != null) {
      return number.stripTrailingZeros().scale() <= 0 ? number.stripTrailingZeros().toPlainString()
          : number.toPlainString();
    }
    if (value instanceof Boolean) {
      return value.toString();
    }
    String text = text(value);
    boolean plain = !text.isEmpty() && text.strip().equals(text) && !text.matches("-?[0-9.]+|null|true|false")
        && !text.contains(",") && !text.contains("\"");
    return plain ? text : "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static String showRow(List<Object> row) {
    return row.stream().map(Values::show).collect(Collectors.joining(", ", "[", "]"));
  }

  static String showRows(List<List<Object>> rows) {
    if (rows.isEmpty()) {
      return "(no rows)";
    }
    return rows.stream().map(Values::showRow).collect(Collectors.joining("\n"));
  }

  private static BigDecimal number(Object value) {
    if (value instanceof BigDecimal big) {
      return big;
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof java.math.BigInteger big) {
      return new BigDecimal(big);
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
    }
    return null;
  }

  private static String text(Object value) {
    if (value instanceof byte[] bytes) {
      return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
    return value.toString();
  }
}
