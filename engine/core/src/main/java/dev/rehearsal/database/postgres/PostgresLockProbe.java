package dev.rehearsal.database.postgres;

import dev.rehearsal.database.LockProbe;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code pg_locks} of the session's own backend and {@code pg_class.relfilenode}, read between the statements of a
 * script in its own transaction. PostgreSQL keeps every relation lock a statement takes until the transaction ends,
 * so what is held after statement k and was not after k-1 is what statement k took; and a transaction sees its own
 * uncommitted catalog rows, so a relfilenode that changed is a file the statement wrote anew. Objects below
 * FirstNormalObjectId (16384) are the system's own, locked by these very queries: left out.
 */
final class PostgresLockProbe implements LockProbe {

  private static final String LOCKS = "SELECT l.relation::bigint, coalesce(n.nspname || '.' || c.relname, "
      + "'oid ' || l.relation::text), l.mode FROM pg_locks l LEFT JOIN pg_class c ON c.oid = l.relation "
      + "LEFT JOIN pg_namespace n ON n.oid = c.relnamespace WHERE l.pid = pg_backend_pid() "
      + "AND l.locktype = 'relation' AND l.granted AND l.relation >= 16384 AND l.mode <> 'SIReadLock'";

  private static final String FILES = "SELECT c.oid::bigint, n.nspname || '.' || c.relname, c.relkind::text, "
      + "c.relfilenode::bigint FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid >= 16384 "
      + "AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' "
      + "AND n.nspname NOT LIKE 'pg_temp%' AND c.relkind IN ('r', 'i', 'm', 'p', 'I', 'S', 'v', 'f')";

  /** Statements PostgreSQL refuses inside a transaction block. */
  private static final Pattern NO_TRANSACTION = Pattern.compile("^\\s*(CREATE\\s+(UNIQUE\\s+)?INDEX\\s+CONCURRENTLY"
      + "|DROP\\s+INDEX\\s+CONCURRENTLY|REINDEX\\b.*\\bCONCURRENTLY|ALTER\\s+TABLE\\b.*\\bDETACH\\s+PARTITION\\b.*"
      + "\\bCONCURRENTLY|VACUUM\\b|CREATE\\s+DATABASE\\b|DROP\\s+DATABASE\\b|ALTER\\s+SYSTEM\\b"
      + "|CREATE\\s+TABLESPACE\\b|DROP\\s+TABLESPACE\\b)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  @Override
  public Set<Held> locks(Connection connection) throws SQLException {
    Set<Held> held = new LinkedHashSet<>();
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(LOCKS)) {
      while (rs.next()) {
        held.add(new Held(rs.getLong(1), rs.getString(2), mode(rs.getString(3))));
      }
    }
    return held;
  }

  @Override
  public Map<Long, File> files(Connection connection) throws SQLException {
    Map<Long, File> files = new HashMap<>();
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(FILES)) {
      while (rs.next()) {
        files.put(rs.getLong(1), new File(rs.getString(2), kind(rs.getString(3)), rs.getLong(4)));
      }
    }
    return files;
  }

  @Override
  public String untraceable(String sql) {
    String body = sql.replaceAll("(?m)^\\s*--.*$", "").strip();
    if (!NO_TRANSACTION.matcher(body).find()) {
      return null;
    }
    return body.split("\\s+")[0].toUpperCase(Locale.ROOT) + " " + body.split("\\s+")[1].toUpperCase(Locale.ROOT)
        + "... cannot run inside a transaction block, and MyBatis runs every script in one (autoCommit=false): "
        + "PostgreSQL refuses it, traced or not";
  }

  /** {@code AccessExclusiveLock} as the documentation writes it: {@code ACCESS EXCLUSIVE}. */
  static String mode(String lockName) {
    return lockName.replaceAll("Lock$", "").replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT);
  }

  private static String kind(String relkind) {
    return switch (relkind) {
      case "i", "I" -> "index";
      case "S" -> "sequence";
      case "m" -> "materialized view";
      case "v" -> "view";
      case "f" -> "foreign table";
      default -> "table";
    };
  }
}
