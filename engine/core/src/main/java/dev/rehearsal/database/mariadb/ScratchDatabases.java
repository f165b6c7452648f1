package dev.rehearsal.database.mariadb;

import dev.rehearsal.database.ScratchMarkers;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Scratch databases themselves. MariaDB has no database OIDs and no owners: what identifies the database this run
 * created is its comment, the marker written at creation (it names the time to the nanosecond and the process),
 * and its owner is the only user granted anything on it. A drop checks both first.
 */
final class ScratchDatabases {

  private ScratchDatabases() {}

  /** {@code CREATE DATABASE} with its marker as comment; never {@code IF NOT EXISTS}: a name in use is an error. */
  static void create(Statement statement, String name, String marker, String collation) throws SQLException {
    statement.execute("CREATE DATABASE " + MariadbSql.id(name)
        + (collation == null ? "" : " COLLATE " + MariadbSql.id(collation)) + " COMMENT " + MariadbSql.literal(marker));
  }

  /**
   * Why the database called {@code name} is not the one with {@code marker} owned by user {@code owner} alone, or
   * null when it is (or is gone).
   */
  static String notOurs(Connection door, String name, String marker, String owner) throws SQLException {
    String comment = MariadbSql.comment(door, name);
    if (comment == null) {
      return null;
    }
    if (!comment.equals(marker)) {
      return "left " + name + " alone: it is not the database this run created (its comment is not the marker "
          + "written when it was created)";
    }
    List<String> grantees = MariadbSql.grantees(door, name);
    if (!grantees.isEmpty() && !grantees.equals(List.of(owner + "@%"))) {
      return "left " + name + " alone: users other than " + owner + " were granted privileges on it ("
          + String.join(", ", grantees) + ")";
    }
    return null;
  }

  /**
   * Drops the database called {@code name} while it still has {@code marker} and {@code owner}.
   *
   * @return null when it is gone, else why it was left, for people
   */
  static String drop(Connection door, String name, String marker, String owner) throws SQLException {
    if (!name.startsWith(ScratchMarkers.PREFIX)) {
      throw new IllegalStateException("refusing to drop " + name + ": not a Rehearsal scratch database");
    }
    String left = notOurs(door, name, marker, owner);
    if (left != null) {
      return left;
    }
    Sessions.end(door, owner);
    try (Statement statement = door.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + MariadbSql.id(name));
    }
    return null;
  }
}
