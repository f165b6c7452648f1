package dev.rehearsal.database.postgres;

import dev.rehearsal.database.DatabaseException;
import dev.rehearsal.database.ScratchMarkers;
import dev.rehearsal.database.ScratchRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * The scratch lifecycle on one server. Through the door, each scratch database is created with a role of its own
 * that owns it (named like it, marked, with a random password; a login role unless steps run as the door user),
 * commented, given its timeouts, closed to {@code PUBLIC}, and its OID recorded. A drop — at the end of a scenario
 * run, from the shutdown hook, or of a leftover — drops a name only while it still has that OID, then the roles the
 * same way; what it could not or would not drop is kept as a problem for the run to report.
 */
final class PostgresScratches {

  /** Who the door user is: name, OID, whether a superuser; and the server's major version. */
  record Door(String user, long oid, boolean superuser, int major) {}

  private final PgUrl door;
  private final PgConnections connections;
  private final String statementTimeout;
  private final String lockTimeout;
  private final boolean stepsAsDoor;
  private final StateCopies copies = new StateCopies(this);
  /** Scratch databases created here and neither dropped nor kept yet, and what could not be dropped. */
  private final ScratchRegistry<PostgresScratch> registry = new ScratchRegistry<>();
  private volatile Door facts;

  PostgresScratches(PgUrl door, PgConnections connections, String statementTimeout, String lockTimeout,
      boolean stepsAsDoor) {
    this.door = door;
    this.connections = connections;
    this.statementTimeout = statementTimeout;
    this.lockTimeout = lockTimeout;
    this.stepsAsDoor = stepsAsDoor;
  }

  /**
   * A new connection as the door user. Its commits do not wait for the disk ({@code synchronous_commit = off}, for
   * this session only): what it writes is about throwaway databases, and a dozen catalog commits per scratch database
   * each waiting for a WAL flush cost more than the rest of creating it.
   */
  Connection door() {
    Connection connection = connections.connect(door, "PostgreSQL");
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET synchronous_commit = off");
    } catch (SQLException e) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // the first failure is the one to report
      }
      throw DatabaseException.infrastructure("cannot configure the door session on " + door.shown(), e);
    }
    return connection;
  }

  PgUrl doorUrl() {
    return door;
  }

  PgConnections connections() {
    return connections;
  }

  StateCopies copies() {
    return copies;
  }

  /**
   * Who the door user is, read once (through a connection of its own the first time).
   *
   * @throws DatabaseException when the server cannot be reached
   */
  Door doorFacts() {
    if (facts != null) {
      return facts;
    }
    try (Connection admin = door()) {
      return doorFacts(admin);
    } catch (SQLException e) {
      throw DatabaseException.infrastructure("cannot read who the door user is on " + door.shown(), e,
          PgConnections.hint(e));
    }
  }

  /** Who the door user is, read once. */
  Door doorFacts(Connection door) throws SQLException {
    if (facts == null) {
      try (Statement statement = door.createStatement(); ResultSet rs = statement.executeQuery("SELECT "
          + "current_user, r.oid, r.rolsuper, current_setting('server_version_num')::int / 10000 FROM pg_roles r "
          + "WHERE r.rolname = current_user")) {
        rs.next();
        facts = new Door(rs.getString(1), rs.getLong(2), rs.getBoolean(3), rs.getInt(4));
      }
    }
    return facts;
  }

  /**
   * Creates a scratch database and its role, empty or as an exact copy of {@code state}, a sealed cached state.
   *
   * @throws DatabaseException when it cannot be created; nothing is left behind then, or what is left is a problem
   */
  PostgresScratch create(String label, PostgresScratch state) {
    String name = ScratchMarkers.name(label);
    return registry.create(name, () -> createNow(name, state));
  }

  private PostgresScratch createNow(String name, PostgresScratch state) {
    if (state != null && copies.seal(state).inexact() != null) {
      throw DatabaseException.failed("cannot copy the cached state " + state.location() + " exactly: "
          + state.seal().inexact(), null);
    }
    try (Connection admin = door(); Statement statement = admin.createStatement()) {
      Door who = doorFacts(admin);
      ScratchRoles.Role owner = ScratchRoles.create(admin, name, !stepsAsDoor, who.superuser());
      Long oid = null;
      try {
        ScratchDatabases.create(statement, name, state == null ? null : state.location(), who.major());
        oid = PgSql.databaseOid(admin, name);
        String marker = ScratchMarkers.database(Instant.now());
        String quoted = PgSql.id(name);
        // One round trip, one transaction. Without CONNECT for PUBLIC, no other run's role reaches this database.
        statement.execute("COMMENT ON DATABASE " + quoted + " IS " + PgSql.literal(marker) + "; ALTER DATABASE "
            + quoted + " SET statement_timeout = " + PgSql.literal(statementTimeout) + "; ALTER DATABASE " + quoted
            + " SET lock_timeout = " + PgSql.literal(lockTimeout) + "; REVOKE ALL ON DATABASE " + quoted
            + " FROM PUBLIC;");
        PgUrl open = door.withDatabase(name).withParameter("stringtype", "unspecified");
        PgUrl steps = stepsAsDoor ? open : open.withParameter("user", name).withParameter("password",
            owner.password());
        PostgresScratch scratch = new PostgresScratch(this, name, oid, marker, owner, !stepsAsDoor, steps, open);
        if (state != null) {
          copies.finish(admin, state, scratch);
        }
        return scratch;
      } catch (SQLException | RuntimeException e) {
        undo(admin, name, oid, owner);
        throw e;
      }
    } catch (SQLException e) {
      throw DatabaseException.infrastructure("cannot create scratch database " + name + " on " + door.shown(), e,
          PgConnections.hint(e));
    }
  }

  /** Drops what a failed creation made; what cannot be dropped is a problem. */
  private void undo(Connection admin, String name, Long oid, ScratchRoles.Role owner) {
    try {
      String left = oid == null ? null : ScratchDatabases.drop(admin, name, oid);
      if (left != null) {
        problem(left);
        return;
      }
    } catch (SQLException e) {
      problem("scratch database " + name + " not dropped after a failed creation: " + DatabaseException.describe(e));
      return;
    }
    String role = ScratchRoles.drop(admin, owner);
    if (role != null) {
      problem(role);
    }
  }

  /**
   * Drops a scratch database and then its roles, each only while its name still has the OID recorded at creation.
   *
   * @return true when there is nothing more to do (dropped, or left on purpose and reported); false when the drop
   *     failed and may be tried again (also reported)
   */
  boolean drop(PostgresScratch scratch) {
    String name = scratch.location();
    try (Connection admin = door()) {
      String left = ScratchDatabases.drop(admin, name, scratch.oid());
      if (left != null) {
        problem(left + "; its roles are left with it");
        return true;
      }
      for (ScratchRoles.Role role : scratch.roles()) {
        String kept = ScratchRoles.drop(admin, role);
        if (kept != null) {
          problem(kept);
        }
      }
      return true;
    } catch (DatabaseException e) {
      problem(ScratchRegistry.notDropped(name, e.getMessage()));
    } catch (SQLException e) {
      problem(ScratchRegistry.notDropped(name, DatabaseException.describe(e)));
    }
    return false;
  }

  /** A scratch database is dropped or kept: it is no longer a leftover. */
  void settled(PostgresScratch scratch) {
    registry.settled(scratch);
  }

  /** The live scratch database called {@code name}, or null. */
  PostgresScratch live(String name) {
    return registry.live(name);
  }

  /** Drops every scratch database created here that is neither dropped nor kept. */
  void dropLeftovers() {
    registry.dropLeftovers();
  }

  /** The settings every scratch database gets when it is created, as {@code pg_db_role_setting} holds them. */
  List<String> ownSettings() {
    return List.of("statement_timeout=" + statementTimeout, "lock_timeout=" + lockTimeout);
  }

  /** Records what could not, or would not, be dropped; the run reports it. */
  void problem(String line) {
    registry.problem(line);
  }

  /** The problems recorded since the last call. */
  List<String> takeProblems() {
    return registry.takeProblems();
  }
}
