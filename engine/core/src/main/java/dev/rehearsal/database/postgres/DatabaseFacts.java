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

  /** Every fact in one query; {@code ?} are the steps' role (three times), then the database. */
  private static final String FACTS = "SELECT d.datconnlimit, d.datallowconn, shobj_description(d.oid, 'pg_database'), "
      + "ARRAY(SELECT CASE WHEN a.grantee = d.datdba THEN 'owner' WHEN a.grantee = 0 THEN 'public' WHEN a.grantee "
      + "= r.steps THEN 'steps role' ELSE g.rolname END || ' ' || a.privilege_type || CASE WHEN a.is_grantable THEN "
      + "' with grant option' ELSE '' END || ' from ' || CASE WHEN a.grantor = d.datdba THEN 'owner' WHEN a.grantor "
      + "= r.steps THEN 'steps role' ELSE o.rolname END FROM aclexplode(coalesce(d.datacl, acldefault('d', "
      + "d.datdba))) AS a LEFT JOIN pg_roles g ON g.oid = a.grantee LEFT JOIN pg_roles o ON o.oid = a.grantor "
      + "ORDER BY 1), "
      + "ARRAY(SELECT s FROM pg_db_role_setting, unnest(setconfig) AS s WHERE setdatabase = d.oid AND setrole = 0 "
      + "ORDER BY 1), "
      + "ARRAY(SELECT s FROM pg_db_role_setting, unnest(setconfig) AS s WHERE setdatabase = d.oid AND setrole = "
      + "r.steps ORDER BY 1), "
      + "ARRAY(SELECT s FROM pg_db_role_setting, unnest(setconfig) AS s WHERE setdatabase = 0 AND setrole = r.steps "
      + "ORDER BY 1) "
      + "FROM pg_database d CROSS JOIN (SELECT CAST(? AS oid) AS steps) AS r WHERE d.oid = CAST(? AS oid)";

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
    try (PreparedStatement query = connection.prepareStatement(FACTS)) {
      query.setLong(1, stepsRole);
      query.setLong(2, database);
      try (ResultSet rs = query.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("database with OID " + database + " does not exist", "3D000");
        }
        return new DatabaseFacts(strings(rs, 5), strings(rs, 6), ownRole ? strings(rs, 7) : List.of(),
            strings(rs, 4), rs.getInt(1), rs.getBoolean(2), Objects.equals(marker, rs.getString(3)));
      }
    }
  }

  private static List<String> strings(ResultSet rs, int column) throws SQLException {
    return List.of((String[]) rs.getArray(column).getArray());
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
