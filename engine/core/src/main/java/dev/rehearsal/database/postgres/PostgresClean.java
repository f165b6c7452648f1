package dev.rehearsal.database.postgres;

import dev.rehearsal.database.ScratchMarkers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code rehearse clean} on one server: drops the scratch databases that runs left behind (a crash, a kill -9) —
 * only those whose name and comment say Rehearsal created them, whose owner is a role whose name and comment say
 * the same, and that are older than the age given — and then such roles that own no database any more. Everything
 * else with Rehearsal's prefix is skipped, with the reason.
 */
final class PostgresClean {

  private static final String DATABASES = "SELECT d.oid, d.datname, shobj_description(d.oid, 'pg_database'), "
      + "r.rolname, shobj_description(r.oid, 'pg_authid') FROM pg_database d JOIN pg_roles r ON r.oid = d.datdba "
      + "WHERE d.datname LIKE ? ORDER BY 2";
  private static final String ROLES = "SELECT r.oid, r.rolname, shobj_description(r.oid, 'pg_authid') "
      + "FROM pg_roles r WHERE r.rolname LIKE ? AND NOT EXISTS (SELECT 1 FROM pg_database d WHERE d.datdba = r.oid) "
      + "ORDER BY 2";

  /** A database with Rehearsal's prefix, its comment, and its owner's name and comment. */
  private record Candidate(long oid, String name, String comment, String owner, String ownerComment) {}

  private PostgresClean() {}

  /**
   * @return what was dropped, one line each
   */
  static List<String> clean(Connection door, Duration olderThan, Consumer<String> skipped, Consumer<String> young)
      throws SQLException {
    Instant cutoff = Instant.now().minus(olderThan);
    List<String> dropped = new ArrayList<>();
    try (PreparedStatement query = door.prepareStatement(DATABASES)) {
      query.setString(1, ScratchMarkers.PREFIX.replace("_", "\\_") + "%");
      List<Candidate> candidates = new ArrayList<>();
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          candidates.add(new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getString(5)));
        }
      }
      for (Candidate c : candidates) {
        String name = c.name();
        String comment = c.comment();
        Instant created = ScratchMarkers.created(comment, ScratchMarkers.DATABASE);
        if (created == null) {
          skipped.accept(name + ": its comment is not Rehearsal's marker");
        } else if (!c.owner().startsWith(ScratchMarkers.PREFIX) || ScratchMarkers.created(c.ownerComment(), ScratchMarkers.ROLE) == null) {
          skipped.accept(name + ": its owner " + c.owner() + " is not a role Rehearsal created");
        } else if (!created.isBefore(cutoff)) {
          young.accept(name + ": created " + created + ", less than " + olderThan + " ago (a run may be using it)");
        } else {
          String left;
          try {
            left = ScratchDatabases.drop(door, name, c.oid());
          } catch (SQLException e) {
            // One database that cannot be dropped does not keep the others: it is named, and the rest go on.
            left = name + ": not dropped: " + dev.rehearsal.database.DatabaseException.describe(e).replace('\n', ' ');
          }
          if (left == null) {
            dropped.add(name + " (" + comment + ")");
          } else {
            skipped.accept(left);
          }
        }
      }
    }
    dropped.addAll(roles(door, cutoff, olderThan, skipped, young));
    return dropped;
  }

  /** Drops marked roles older than the cutoff that own no database. */
  private static List<String> roles(Connection door, Instant cutoff, Duration olderThan, Consumer<String> skipped,
      Consumer<String> young) throws SQLException {
    List<ScratchRoles.Role> candidates = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    try (PreparedStatement query = door.prepareStatement(ROLES)) {
      query.setString(1, ScratchMarkers.PREFIX.replace("_", "\\_") + "%");
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          String name = rs.getString(2);
          Instant created = ScratchMarkers.created(rs.getString(3), ScratchMarkers.ROLE);
          if (created == null) {
            skipped.accept("role " + name + ": its comment is not Rehearsal's marker");
          } else if (!created.isBefore(cutoff)) {
            young.accept("role " + name + ": created " + created + ", less than " + olderThan + " ago");
          } else {
            candidates.add(new ScratchRoles.Role(name, rs.getLong(1), null));
          }
        }
      }
    }
    for (ScratchRoles.Role role : candidates) {
      String left = ScratchRoles.drop(door, role);
      if (left == null) {
        dropped.add("role " + role.name());
      } else {
        skipped.accept(left);
      }
    }
    return dropped;
  }
}
