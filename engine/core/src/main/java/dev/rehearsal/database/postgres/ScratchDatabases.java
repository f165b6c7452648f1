package dev.rehearsal.database.postgres;

import dev.rehearsal.database.ScratchMarkers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Scratch databases themselves: created owned by their role, and dropped only while their name still has the OID
 * recorded when they were created.
 */
final class ScratchDatabases {

  private ScratchDatabases() {}

  /**
   * {@code CREATE DATABASE}, owned by its role, optionally from a template; a template briefly in use by a
   * concurrent {@code CREATE DATABASE} (SQLState 55006) is retried.
   *
   * <p>A copy of a cached state is made file by file ({@code STRATEGY = FILE_COPY}, the only way before PostgreSQL
   * 15): the default since 15, {@code WAL_LOG}, writes every page of the template to the WAL, which for a state of a
   * few hundred tables took 0.5 s per copy on the development machine against 0.07 to 0.2 s file by file.
   */
  static void create(Statement statement, String name, String template, int major)
      throws SQLException {
    String sql = "CREATE DATABASE " + PgSql.id(name) + " OWNER " + PgSql.id(name)
        + (template == null ? "" : " TEMPLATE " + PgSql.id(template) + (major >= 15 ? " STRATEGY = FILE_COPY" : ""));
    for (int attempt = 1; ; attempt++) {
      try {
        statement.execute(sql);
        return;
      } catch (SQLException e) {
        if (!"55006".equals(e.getSQLState()) || attempt == 20) {
          throw e;
        }
        try {
          Thread.sleep(50L * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /**
   * Drops the database called {@code name} while it still has {@code oid}.
   *
   * @return null when the database with that OID is gone, else why it was left, for people
   */
  static String drop(Connection admin, String name, long oid) throws SQLException {
    if (!name.startsWith(ScratchMarkers.PREFIX)) {
      throw new IllegalStateException("refusing to drop " + name + ": not a Rehearsal scratch database");
    }
    Long now = PgSql.databaseOid(admin, name);
    if (now != null && now == oid) {
      try (Statement statement = admin.createStatement()) {
        // Its owner (a step's role) may have made it a template, which DROP DATABASE refuses: undone first.
        if (isTemplate(admin, oid)) {
          statement.execute("ALTER DATABASE " + PgSql.id(name) + " IS_TEMPLATE false");
        }
        statement.execute("DROP DATABASE IF EXISTS " + PgSql.id(name) + " WITH (FORCE)");
      }
      now = null;
    }
    String renamed = PgSql.databaseName(admin, oid);
    if (now != null) {
      return "left " + name + " alone: it is not the database this run created (OID " + oid + " then, " + now
          + " now)" + (renamed == null ? "" : "; the one this run created is now called " + renamed
              + ", left in place too");
    }
    return renamed == null ? null : "scratch database " + name + " was renamed to " + renamed
        + " while this run had it; left in place";
  }

  /** Whether the database with {@code oid} is marked as a template ({@code ALTER DATABASE ... IS_TEMPLATE true}). */
  private static boolean isTemplate(Connection admin, long oid) throws SQLException {
    try (PreparedStatement query = admin.prepareStatement("SELECT datistemplate FROM pg_database WHERE oid = CAST(? "
        + "AS oid)")) {
      query.setLong(1, oid);
      try (ResultSet rs = query.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }
}
