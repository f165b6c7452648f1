package dev.rehearsal.database.mariadb;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configured {@code statement_timeout} and {@code lock_timeout} (PostgreSQL's syntax: {@code 500ms},
 * {@code 30s}, {@code 5min}, {@code 1h}) as MariaDB's session variables: {@code max_statement_time} (seconds, with
 * decimals), and {@code lock_wait_timeout} (metadata locks: DDL waiting behind a transaction) with
 * {@code innodb_lock_wait_timeout} (row locks), whole seconds of at least 1.
 */
record Timeouts(double statementSeconds, long lockSeconds) {

  private static final Pattern DURATION = Pattern.compile("([0-9]+)\\s*(ms|s|min|h)?");

  static Timeouts parse(String statement, String lock) {
    return new Timeouts(seconds(statement, "statement_timeout"),
        Math.max(1, (long) Math.ceil(seconds(lock, "lock_timeout"))));
  }

  private static double seconds(String value, String key) {
    Matcher m = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(key + " '" + value + "' is not a duration — write e.g. 500ms, 30s, 5min");
    }
    double amount = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "ms" : m.group(2);
    return switch (unit) {
      case "ms" -> amount / 1000;
      case "s" -> amount;
      case "min" -> amount * 60;
      default -> amount * 3600;
    };
  }

  /** The driver's {@code sessionVariables} value. */
  String session() {
    String statement = statementSeconds == Math.rint(statementSeconds) ? Long.toString((long) statementSeconds)
        : Double.toString(statementSeconds);
    return "max_statement_time=" + statement + ",lock_wait_timeout=" + lockSeconds + ",innodb_lock_wait_timeout="
        + lockSeconds;
  }
}
