package dev.rehearsal.database.postgres;

import dev.rehearsal.database.DatabaseException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Consumer;

/**
 * The roles of scratch databases: created by the door user with no privilege of their own (no superuser, CREATEDB,
 * CREATEROLE, replication or row-security bypass), marked with a comment, given a random password, and dropped only
 * while their name still has the OID recorded at creation.
 */
final class ScratchRoles {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** One role Rehearsal created; {@code password} is null for a role that cannot log in. */
  record Role(String name, long oid, String password) {}

  private ScratchRoles() {}

  /**
   * Creates a role. A door user that is not a superuser makes itself a member, which it needs to create a database
   * owned by the role, to copy its objects to another role, and to drop them.
   *
   * @param login whether it logs in (the role steps run as) or only owns (a database whose steps run as the door user)
   * @param problems hears why a role created halfway could not be dropped again
   */
  static Role create(Connection door, String name, boolean login, boolean doorIsSuperuser,
      Consumer<String> problems) throws SQLException {
    try (Statement statement = door.createStatement()) {
      statement.execute("CREATE ROLE " + PgSql.id(name) + (login ? " LOGIN" : " NOLOGIN")
          + " NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT");
      Long oid = PgSql.roleOid(door, name);
      if (oid == null) {
        throw new SQLException("role " + name + " vanished right after it was created", "42704");
      }
      Role role = new Role(name, oid, login ? password() : null);
      try {
        statement.execute("COMMENT ON ROLE " + PgSql.id(name) + " IS " + PgSql.literal(Markers.role(Instant.now())));
        if (login) {
          // The driver hashes the password (SCRAM or MD5, as the server's password_encryption says): the statement
          // the server sees, and may log, holds no clear text.
          door.unwrap(org.postgresql.PGConnection.class).alterUserPassword(name, role.password().toCharArray(), null);
        }
        if (!doorIsSuperuser) {
          statement.execute("GRANT " + PgSql.id(name) + " TO CURRENT_USER");
        }
      } catch (SQLException | RuntimeException e) {
        String left = drop(door, role);
        if (left != null) {
          problems.accept(left);
        }
        throw e;
      }
      return role;
    }
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

  /** 32 characters from a secure random source: letters, digits, {@code -} and {@code _}, safe in a URL. */
  private static String password() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
