package dev.rehearsal.database.postgres;

import dev.rehearsal.database.DatabaseException;
import dev.rehearsal.database.ScratchMarkers;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.postgresql.util.PasswordUtil;

/**
 * The roles of scratch databases: created by the door user with no privilege of their own (no superuser, CREATEDB,
 * CREATEROLE, replication or row-security bypass), marked with a comment, given a random password, and dropped only
 * while their name still has the OID recorded at creation.
 */
final class ScratchRoles {


  /** One role Rehearsal created; {@code password} is null for a role that cannot log in. */
  record Role(String name, long oid, String password) {}

  private ScratchRoles() {}

  /**
   * Creates a role. A door user that is not a superuser makes itself a member, which it needs to create a database
   * owned by the role, to copy its objects to another role, and to drop them.
   *
   * @param login whether it logs in (the role steps run as) or only owns (a database whose steps run as the door user)
   */
  static Role create(Connection door, String name, boolean login, boolean doorIsSuperuser) throws SQLException {
    String password = login ? ScratchMarkers.password() : null;
    // One round trip, one transaction: the role, its marker, and the door's membership. The password goes as a SCRAM
    // verifier computed here, so the statement the server sees, and may log, holds no clear text (a server set to
    // md5 authentication also accepts a SCRAM verifier).
    String id = PgSql.id(name);
    try (Statement statement = door.createStatement()) {
      statement.execute("CREATE ROLE " + id + (login ? " LOGIN PASSWORD " + PgSql.literal(PasswordUtil
          .encodeScramSha256(password.toCharArray())) : " NOLOGIN") + " NOSUPERUSER NOCREATEDB NOCREATEROLE "
          + "NOREPLICATION NOBYPASSRLS INHERIT; COMMENT ON ROLE " + id + " IS " + PgSql.literal(ScratchMarkers.role(
              Instant.now())) + ";" + (doorIsSuperuser ? "" : " GRANT " + id + " TO CURRENT_USER;"));
    }
    Long oid = PgSql.roleOid(door, name);
    if (oid == null) {
      throw new SQLException("role " + name + " vanished right after it was created", "42704");
    }
    return new Role(name, oid, password);
  }

  /**
   * Drops a role while its name still has its OID.
   *
   * @return null when the role is gone, else why it was left (it was replaced, or it still owns or may use
   *     something: PostgreSQL's own list)
   */
  static String drop(Connection door, Role role) {
    try {
      Long now = PgSql.roleOid(door, role.name());
      if (now == null) {
        return null;
      }
      if (now != role.oid()) {
        return "left role " + role.name() + " alone: it is not the role this run created (OID " + role.oid()
            + " then, " + now + " now)";
      }
      try (Statement statement = door.createStatement()) {
        statement.execute("DROP ROLE " + PgSql.id(role.name()));
      }
      return null;
    } catch (SQLException e) {
      return "role " + role.name() + " not dropped: " + DatabaseException.describe(e).replace('\n', ' ')
          + "; 'rehearse clean' drops it once nothing depends on it";
    }
  }
}
