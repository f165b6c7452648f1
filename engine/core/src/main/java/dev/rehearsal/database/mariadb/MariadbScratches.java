package dev.rehearsal.database.mariadb;

import dev.rehearsal.database.DatabaseException;
import dev.rehearsal.database.ScratchMarkers;
import dev.rehearsal.database.ScratchRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * The scratch lifecycle on one MariaDB server. Through the door, each scratch database is created with its marker
 * as comment, then a user of its own (named like it, random password) granted that database only; steps run as
 * that user, with the configured timeouts as session variables and {@code max_statement_time} also as the user's
 * resource limit. A drop — at the end of a scenario run, from the shutdown hook, or of a leftover — drops the
 * database only while its comment and its only grantee are still those of creation, then the user while its
 * password hash is; what it could not or would not drop is kept as a problem for the run to report.
 */
final class MariadbScratches {

  private final MariadbUrl door;
  private final Timeouts timeouts;
  private final String collation;
  private final ScratchRegistry<MariadbScratch> registry = new ScratchRegistry<>();

  MariadbScratches(MariadbUrl door, Timeouts timeouts, String collation) {
    this.door = door;
    this.timeouts = timeouts;
    this.collation = collation;
  }

  MariadbUrl doorUrl() {
    return door;
  }

  /** A new connection as the door user. */
  Connection door() {
    return connect(door, "MariaDB");
  }

  Connection connect(MariadbUrl url, String what) {
    try {
      return DriverManager.getConnection(url.jdbc());
    } catch (SQLException e) {
      // The driver's own message may quote the URL, password included: redact it, and keep no cause that holds it.
      SQLException redacted = new SQLException(MariadbUrl.redact(String.valueOf(e.getMessage())), e.getSQLState(),
          e.getErrorCode());
      throw DatabaseException.infrastructure("cannot connect to " + what + " at " + url.shown(), redacted, hint(e));
    }
  }

  static String hint(SQLException e) {
    String state = String.valueOf(e.getSQLState());
    if (state.startsWith("08") || e.getErrorCode() == 0) {
      return " — is MariaDB running? (start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd)";
    }
    if (e.getErrorCode() == 1045) {
      return " — check the user and password in databases.mariadb.url";
    }
    return "";
  }

  /**
   * Creates a scratch database and its user.
   *
   * @throws DatabaseException when it cannot be created; nothing is left behind then, or what is left is a problem
   */
  MariadbScratch create(String label) {
    String name = ScratchMarkers.name(label);
    return registry.create(name, () -> createNow(name));
  }

  private MariadbScratch createNow(String name) {
    String marker = ScratchMarkers.database(Instant.now());
    try (Connection admin = door(); Statement statement = admin.createStatement()) {
      // The database first, then its user: a user without its database is always a leftover (clean drops it).
      ScratchDatabases.create(statement, name, marker, collation);
      ScratchUsers.User user = null;
      try {
        user = ScratchUsers.create(admin, name, timeouts.statementSeconds());
        MariadbUrl steps = door.withDatabase(name).withParameter("user", name)
            .withParameter("password", user.password()).withParameter("sessionVariables", timeouts.session());
        return new MariadbScratch(this, name, marker, user, steps);
      } catch (SQLException | RuntimeException e) {
        undo(admin, name, marker, user);
        throw e;
      }
    } catch (SQLException e) {
      throw DatabaseException.infrastructure("cannot create scratch database " + name + " on " + door.shown(), e,
          hint(e));
    }
  }

  private void undo(Connection admin, String name, String marker, ScratchUsers.User user) {
    try {
      String left = ScratchDatabases.drop(admin, name, marker, name);
      if (left != null) {
        problem(left);
      }
    } catch (SQLException e) {
      problem("scratch database " + name + " not dropped after a failed creation: " + DatabaseException.describe(e));
    }
    if (user != null) {
      String kept = ScratchUsers.drop(admin, user);
      if (kept != null) {
        problem(kept);
      }
    }
  }

  /**
   * Drops a scratch database and then its user, each only while it is still the one this run created.
   *
   * @return true when there is nothing more to do; false when the drop failed and may be tried again
   */
  boolean drop(MariadbScratch scratch) {
    String name = scratch.location();
    try (Connection admin = door()) {
      String left = ScratchDatabases.drop(admin, name, scratch.marker(), scratch.user().name());
      if (left != null) {
        problem(left + "; its user is left with it");
        return true;
      }
      String kept = ScratchUsers.drop(admin, scratch.user());
      if (kept != null) {
        problem(kept);
      }
      return true;
    } catch (DatabaseException e) {
      problem(ScratchRegistry.notDropped(name, e.getMessage()));
    } catch (SQLException e) {
      problem(ScratchRegistry.notDropped(name, DatabaseException.describe(e)));
    }
    return false;
  }

  void settled(MariadbScratch scratch) {
    registry.settled(scratch);
  }

  /** The live scratch database called {@code name}, or null. */
  MariadbScratch live(String name) {
    return registry.live(name);
  }

  void dropLeftovers() {
    registry.dropLeftovers();
  }

  void problem(String line) {
    registry.problem(line);
  }

  List<String> takeProblems() {
    return registry.takeProblems();
  }
}
