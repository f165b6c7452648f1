package dev.rehearsal.database.mariadb;

import dev.rehearsal.database.DatabaseException;
import dev.rehearsal.database.ScratchMarkers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The login users of scratch databases: {@code 'rehearsal_…'@'%'}, created by the door user with a random password
 * and every privilege on their own database only (no global privilege, no GRANT OPTION). MariaDB users have no
 * comment and no OID; what identifies the user this run created is its password hash, read right after creation:
 * a user dropped and created again by anyone else has another one, and is left alone.
 */
final class ScratchUsers {


  /** One user Rehearsal created, with the password hash it had then. */
  record User(String name, String password, String hash) {}

  private ScratchUsers() {}

  /**
   * Creates the user of database {@code name} (named like it) and grants it the database; its statements stop after
   * {@code maxStatementSeconds} whatever its session sets (a resource limit of the user).
   */
  static User create(Connection door, String name, double maxStatementSeconds) throws SQLException {
    String password = ScratchMarkers.password();
    try (Statement statement = door.createStatement()) {
      statement.execute("CREATE USER " + MariadbSql.user(name) + " IDENTIFIED BY " + MariadbSql.literal(password)
          + (maxStatementSeconds > 0 ? " WITH MAX_STATEMENT_TIME " + maxStatementSeconds : ""));
      // The name escaped: in a database-level grant, _ is a wildcard that would also match other databases.
      statement.execute("GRANT ALL PRIVILEGES ON " + MariadbSql.id(name.replace("_", "\\_")) + ".* TO "
          + MariadbSql.user(name));
    }
    String hash = hash(door, name);
    if (hash == null) {
      throw new SQLException("user " + name + " vanished right after it was created", "HY000");
    }
    return new User(name, password, hash);
  }

  /** The password hash of {@code name}@'%', or null when there is no such user. */
  static String hash(Connection door, String name) throws SQLException {
    try (PreparedStatement query = door.prepareStatement(
        "SELECT authentication_string FROM mysql.user WHERE User = ? AND Host = '%'")) {
      query.setString(1, name);
      try (ResultSet rs = query.executeQuery()) {
        return rs.next() ? String.valueOf(rs.getString(1)) : null;
      }
    }
  }

  /**
   * Drops a user while it still has the password hash recorded at creation (null: any, for {@code clean}), after
   * ending its sessions.
   *
   * @return null when the user is gone, else why it was left
   */
  static String drop(Connection door, User user) {
    try {
      String now = hash(door, user.name());
      if (now == null) {
        return null;
      }
      if (user.hash() != null && !now.equals(user.hash())) {
        return "left user " + user.name() + " alone: it is not the user this run created (its password changed)";
      }
      Sessions.end(door, user.name());
      try (Statement statement = door.createStatement()) {
        statement.execute("DROP USER " + MariadbSql.user(user.name()));
      }
      return null;
    } catch (SQLException e) {
      return "user " + user.name() + " not dropped: " + DatabaseException.describe(e).replace('\n', ' ')
          + "; 'rehearse clean' drops it later";
    }
  }
}
