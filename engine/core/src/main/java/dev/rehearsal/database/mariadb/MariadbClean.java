package dev.rehearsal.database.mariadb;

import dev.rehearsal.database.DatabaseException;
import dev.rehearsal.database.ScratchMarkers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code rehearse clean} on one MariaDB server: drops the scratch databases that runs left behind — only those whose
 * name and comment say Rehearsal created them, whose only grantee is the user named like them, and that are older
 * than the age given — and then the users named like a scratch database that no longer exists (a user is created
 * after its database and dropped after it, so such a user is always a leftover). Everything else with Rehearsal's
 * prefix is skipped, with the reason.
 */
final class MariadbClean {

  private static final String DATABASES = "SELECT SCHEMA_NAME, SCHEMA_COMMENT FROM information_schema.SCHEMATA "
      + "WHERE SCHEMA_NAME LIKE ? ORDER BY 1";
  private static final String USERS = "SELECT u.User FROM mysql.user u WHERE u.User LIKE ? AND u.Host = '%' "
      + "AND NOT EXISTS (SELECT 1 FROM information_schema.SCHEMATA s WHERE s.SCHEMA_NAME = u.User) ORDER BY 1";

  private MariadbClean() {}

  /**
   * @param young told about a marked database left only because it is younger than {@code olderThan}
   */
  static List<String> clean(Connection door, Duration olderThan, Consumer<String> skipped, Consumer<String> young)
      throws SQLException {
    Instant cutoff = Instant.now().minus(olderThan);
    String prefix = ScratchMarkers.PREFIX.replace("_", "\\_") + "%";
    Map<String, String> candidates = new LinkedHashMap<>();
    try (PreparedStatement query = door.prepareStatement(DATABASES)) {
      query.setString(1, prefix);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          candidates.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    List<String> dropped = new ArrayList<>();
    for (Map.Entry<String, String> c : candidates.entrySet()) {
      String name = c.getKey();
      Instant created = ScratchMarkers.created(c.getValue(), ScratchMarkers.DATABASE);
      List<String> grantees = MariadbSql.grantees(door, name);
      if (created == null) {
        skipped.accept(name + ": its comment is not Rehearsal's marker");
      } else if (!grantees.isEmpty() && !grantees.equals(List.of(name + "@%"))) {
        skipped.accept(name + ": it is granted to " + String.join(", ", grantees) + ", not only to the user "
            + "Rehearsal created for it");
      } else if (!created.isBefore(cutoff)) {
        young.accept(name + ": created " + created + ", less than " + olderThan + " ago (a run may be using it)");
      } else {
        String left;
        try {
          left = ScratchDatabases.drop(door, name, c.getValue(), name);
        } catch (SQLException e) {
          // One database that cannot be dropped does not stop the others.
          left = name + ": not dropped: " + DatabaseException.describe(e);
        }
        if (left == null) {
          dropped.add(name + " (" + c.getValue() + ")");
          String user = ScratchUsers.drop(door, new ScratchUsers.User(name, null, null));
          if (user == null) {
            dropped.add("user " + name);
          } else {
            skipped.accept(user);
          }
        } else {
          skipped.accept(left);
        }
      }
    }
    dropped.addAll(users(door, prefix, skipped));
    return dropped;
  }

  /** Drops the users of scratch databases that are gone. */
  private static List<String> users(Connection door, String prefix, Consumer<String> skipped) throws SQLException {
    List<String> names = new ArrayList<>();
    try (PreparedStatement query = door.prepareStatement(USERS)) {
      query.setString(1, prefix);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
    }
    List<String> dropped = new ArrayList<>();
    for (String name : names) {
      String left = ScratchUsers.drop(door, new ScratchUsers.User(name, null, null));
      if (left == null) {
        dropped.add("user " + name);
      } else {
        skipped.accept(left);
      }
    }
    return dropped;
  }
}
