package dev.rehearsal.database.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a database holds outside itself, in the server's shared catalogs, that a migration can change and that
 * {@code CREATE DATABASE ... TEMPLATE} does not copy: per-database settings and those of the steps' role
 * ({@code pg_db_role_setting}), the database's privileges, connection limit, whether it takes connections, and
 * its comment. Roles are named by part ({@code owner}, {@code steps role}, {@code public}), so the facts of a cached
 * state and of its copy, each with its own role, compare equal exactly when a copy is what the migrations would have
 * left.
 *
 * @param settings {@code name=value} set with {@code ALTER DATABASE ... SET}, sorted
 * @param roleSettings those of the steps' role in this database ({@code ALTER ROLE ... IN DATABASE ... SET})
 * @param globalRoleSettings those of the steps' role everywhere ({@code ALTER ROLE ... SET}); empty when the steps
 *     run as the door user, whose settings are the same for every copy
 * @param markerIntact the comment is still the one Rehearsal wrote
 */
record DatabaseFacts(List<String> settings, List<String> roleSettings, List<String> globalRoleSettings,
    List<String> privileges, int connectionLimit, boolean allowConnections, boolean markerIntact) {

  private static final String SETTINGS = "SELECT s FROM pg_db_role_setting, unnest(setconfig) AS s "
      + "WHERE setdatabase = CAST(? AS oid) AND setrole = CAST(? AS oid) ORDER BY 1";

  private static final String PRIVILEGES = "SELECT CASE WHEN a.grantee = d.datdba THEN 'owner' WHEN a.grantee = 0 "
      + "THEN 'public' WHEN a.grantee = CAST(? AS oid) THEN 'steps role' ELSE g.rolname END || ' ' || a.privilege_type "
      + "|| CASE WHEN a.is_grantable THEN ' with grant option' ELSE '' END || ' from ' || CASE WHEN a.grantor = "
      + "d.datdba THEN 'owner' WHEN a.grantor = CAST(? AS oid) THEN 'steps role' ELSE r.rolname END "
      + "FROM pg_database d CROSS JOIN LATERAL aclexplode(coalesce(d.datacl, acldefault('d', d.datdba))) AS a "
      + "LEFT JOIN pg_roles g ON g.oid = a.grantee LEFT JOIN pg_roles r ON r.oid = a.grantor "
      + "WHERE d.oid = CAST(? AS oid) ORDER BY 1";

  DatabaseFacts {
    settings = List.copyOf(settings);
    roleSettings = List.copyOf(roleSettings);
    globalRoleSettings = List.copyOf(globalRoleSettings);
    privileges = List.copyOf(privileges);
  }

  /**
   * Reads the facts of one database through any connection to its server (they are all in shared catalogs).
   *
   * @param stepsRole the OID of the role steps run as
   * @param ownRole whether that role is the database's own (then its global settings belong to the facts)
   * @param marker the comment Rehearsal wrote on it
   */
  static DatabaseFacts read(Connection connection, long database, long stepsRole, boolean ownRole, String marker)
      throws SQLException {
    List<String> privileges = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(PRIVILEGES)) {
      query.setLong(1, stepsRole);
      query.setLong(2, stepsRole);
      query.setLong(3, database);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          privileges.add(rs.getString(1));
        }
      }
    }
    try (PreparedStatement query = connection.prepareStatement("SELECT datconnlimit, datallowconn, "
        + "shobj_description(oid, 'pg_database') FROM pg_database WHERE oid = CAST(? AS oid)")) {
      query.setLong(1, database);
      try (ResultSet rs = query.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("database with OID " + database + " does not exist", "3D000");
        }
        return new DatabaseFacts(settings(connection, database, 0), settings(connection, database, stepsRole),
            ownRole ? settings(connection, 0, stepsRole) : List.of(), privileges, rs.getInt(1), rs.getBoolean(2),
            Objects.equals(marker, rs.getString(3)));
      }
    }
  }

  private static List<String> settings(Connection connection, long database, long role) throws SQLException {
    List<String> settings = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(SETTINGS)) {
      query.setLong(1, database);
      query.setLong(2, role);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          settings.add(rs.getString(1));
        }
      }
    }
    return settings;
  }

  /** What differs from {@code copy}, for people, or null when nothing does. */
  String difference(DatabaseFacts copy) {
    List<String> differences = new ArrayList<>();
    differ(differences, "database settings", settings, copy.settings);
    differ(differences, "settings of the steps' role in the database", roleSettings, copy.roleSettings);
    differ(differences, "settings of the steps' role", globalRoleSettings, copy.globalRoleSettings);
    differ(differences, "database privileges", privileges, copy.privileges);
    differ(differences, "connection limit", connectionLimit, copy.connectionLimit);
    differ(differences, "allow connections", allowConnections, copy.allowConnections);
    differ(differences, "Rehearsal's comment", markerIntact, copy.markerIntact);
    return differences.isEmpty() ? null : String.join("; ", differences);
  }

  private static void differ(List<String> differences, String what, Object state, Object copy) {
    if (!state.equals(copy)) {
      differences.add(what + ": " + state + " in the cached state, " + copy + " in the copy");
    }
  }
}
