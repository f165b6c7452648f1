package dev.rehearsal.database.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.database.DatabaseException;
import dev.rehearsal.database.ScratchDatabase;
import dev.rehearsal.testing.PostgresServer;
import dev.rehearsal.testing.RequiresPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

@RequiresPostgres
class PostgresDatabaseTest {

  private final PostgresDatabase postgres = new PostgresDatabase("postgres", PostgresServer.url(), "5min", "30s");

  @Test
  void createsAMarkedScratchDatabaseWithTimeoutsAndDropsItOnClose() throws SQLException {
    String name;
    try (ScratchDatabase scratch = postgres.createScratch("pgtest_" + System.nanoTime())) {
      name = scratch.location();
      assertTrue(name.startsWith("rehearsal_pgtest_"), name);
      String comment = PostgresServer.queryValue(
          "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '" + name + "'");
      assertTrue(comment.startsWith("Rehearsal scratch database; created "), comment);
      assertTrue(comment.contains(" pid " + ProcessHandle.current().pid()), comment);
      try (Connection connection = scratch.connect(); Statement statement = connection.createStatement()) {
        assertEquals(name, value(statement, "SELECT current_database()"));
        assertEquals("5min", value(statement, "SHOW statement_timeout"));
        assertEquals("30s", value(statement, "SHOW lock_timeout"));
      }
      assertEquals(List.of(name), PostgresServer.databases(name));
    }
    assertEquals(List.of(), PostgresServer.databases(name));
  }

  @Test
  @SuppressWarnings("try") // the connection is only held open
  void dropLeftoversDropsWhatIsStillInUseButNeitherWhatWasDroppedNorWhatIsKept() throws SQLException {
    ScratchDatabase inUse = postgres.createScratch("pgleft_use_" + System.nanoTime());
    ScratchDatabase kept = postgres.createScratch("pgleft_kept_" + System.nanoTime());
    ScratchDatabase dropped = postgres.createScratch("pgleft_gone_" + System.nanoTime());
    kept.keep();
    kept.close();
    dropped.close();
    try (Connection connection = inUse.connect()) {
      postgres.dropLeftovers();

      assertEquals(List.of(), PostgresServer.databases(inUse.location()));
      assertEquals(List.of(kept.location()), PostgresServer.databases(kept.location()));
    } finally {
      PostgresServer.execute("DROP DATABASE IF EXISTS " + kept.location());
      PostgresServer.execute("DROP ROLE IF EXISTS " + kept.location());
    }
  }

  @Test
  @SuppressWarnings("try") // the connection is only held open
  void dropsItsScratchDatabaseEvenWithAConnectionStillOpen() throws SQLException {
    ScratchDatabase scratch = postgres.createScratch("pgopen_" + System.nanoTime());
    String name = scratch.location();
    try (Connection leaked = scratch.connect()) {
      scratch.close();
      assertEquals(List.of(), PostgresServer.databases(name));
    }
  }

  @Test
  void keptScratchDatabaseStaysAndSaysHowToOpenIt() {
    ScratchDatabase scratch = postgres.createScratch("pgkeep_" + System.nanoTime());
    String name = scratch.location();
    try {
      scratch.keep();
      scratch.close();
      assertEquals(List.of(name), PostgresServer.databases(name));
      assertTrue(scratch.openCommand().startsWith("PGOPTIONS='-c role=" + name + "' psql -h "),
          scratch.openCommand());
      assertTrue(scratch.openCommand().endsWith(" -U postgres -d " + name), "opened by the door user: "
          + scratch.openCommand());
    } finally {
      PostgresServer.execute("DROP DATABASE IF EXISTS " + name);
      PostgresServer.execute("DROP ROLE IF EXISTS " + name);
    }
  }

  @Test
  void whatAStepLeftInAKeptDatabaseRunsAsItsRoleWhenOpenedAsItSays() throws Exception {
    ScratchDatabase scratch = postgres.createScratch("pgtrap_" + System.nanoTime());
    String name = scratch.location();
    try {
      try (Connection connection = scratch.connect(); Statement statement = connection.createStatement()) {
        // A trap for whoever opens the kept database: a view whose function runs as the one who reads it.
        statement.execute("CREATE FUNCTION who() RETURNS text LANGUAGE sql AS 'SELECT current_user::text'");
        statement.execute("CREATE VIEW users AS SELECT who() AS reader");
      }
      scratch.keep();
      scratch.close();

      Process psql = new ProcessBuilder("bash", "-c", scratch.openCommand() + " -X -At -c 'SELECT reader FROM users'")
          .redirectErrorStream(true).start();
      String out = new String(psql.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
      assertEquals(0, psql.waitFor(), out);
      assertEquals(name, out, "the view's function ran as " + out);
    } finally {
      PostgresServer.execute("DROP DATABASE IF EXISTS " + name);
      PostgresServer.execute("DROP ROLE IF EXISTS " + name);
    }
  }

  @Test
  void stepsRunAsTheScratchDatabasesOwnRoleWhichHasNoPrivilegeAndIsDroppedWithIt() throws SQLException {
    String name;
    try (ScratchDatabase scratch = postgres.createScratch("pgrole_" + System.nanoTime());
        Connection connection = scratch.connect(); Statement statement = connection.createStatement()) {
      name = scratch.location();
      assertEquals(name, value(statement, "SELECT current_user"));
      assertEquals("f f f f f", value(statement, "SELECT concat_ws(' ', rolsuper, rolcreatedb, rolcreaterole, "
          + "rolreplication, rolbypassrls) FROM pg_roles WHERE rolname = current_user"));
      assertEquals(name, value(statement, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = "
          + "current_database()"));
      assertEquals("Rehearsal scratch role; created ", value(statement, "SELECT left(shobj_description(oid, "
          + "'pg_authid'), 32) FROM pg_roles WHERE rolname = current_user"));
      assertEquals("1", value(statement, "SELECT count(*) FROM pg_database WHERE datdba = (SELECT oid FROM pg_roles "
          + "WHERE rolname = current_user)"), "databases the role owns");
    }
    assertEquals(List.of(), PostgresServer.databases(name));
    assertEquals(null, PostgresServer.queryValue("SELECT rolname FROM pg_roles WHERE rolname = '" + name + "'"));
  }

  @Test
  void aScratchRoleCannotConnectToAnotherScratchDatabase() {
    try (PostgresScratch mine = (PostgresScratch) postgres.createScratch("pgmine_" + System.nanoTime());
        PostgresScratch other = (PostgresScratch) postgres.createScratch("pgother_" + System.nanoTime())) {
      PgUrl intruder = mine.stepsUrl().withDatabase(other.location());
      DatabaseException e = assertThrows(DatabaseException.class, () -> postgres.connect(intruder, "the other")
          .close());
      assertTrue(e.getMessage().contains("permission denied for database \"" + other.location() + "\""), e.getMessage());
      assertFalse(e.getMessage().contains(mine.stepsUrl().decoded("password")), e.getMessage());
    }
  }

  @Test
  void aCopyOfACachedStateIsWhollyOwnedByItsOwnRoleWhichCannotTouchTheState() throws SQLException {
    PostgresScratch state = (PostgresScratch) postgres.createScratch("pgstate_" + System.nanoTime());
    try {
      try (Connection connection = state.connect(); Statement statement = connection.createStatement()) {
        for (String sql : List.of("CREATE SCHEMA app", "CREATE TYPE app.mood AS ENUM ('ok', 'meh')",
            "CREATE TABLE app.notes (id SERIAL PRIMARY KEY, mood app.mood, body TEXT)",
            "CREATE VIEW app.ok_notes AS SELECT * FROM app.notes WHERE mood = 'ok'",
            "CREATE FUNCTION app.twice(x INTEGER) RETURNS INTEGER LANGUAGE sql AS 'SELECT 2 * x'",
            "CREATE SEQUENCE app.tickets", "GRANT SELECT ON app.notes TO PUBLIC",
            "INSERT INTO app.notes (mood, body) VALUES ('ok', 'kept')")) {
          statement.execute(sql);
        }
      }
      assertEquals(java.util.Optional.empty(), postgres.inexactCopy(state));
      try (PostgresScratch copy = (PostgresScratch) postgres.createScratchFrom(state, "pgcopy_" + System.nanoTime());
          Connection connection = copy.connect(); Statement statement = connection.createStatement()) {
        assertEquals(copy.location(), value(statement, "SELECT current_user"));
        assertEquals("0", value(statement, "SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = "
            + "c.relnamespace WHERE n.nspname = 'app' AND c.relowner <> r.oid) + (SELECT count(*) FROM pg_proc p "
            + "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'app' AND p.proowner <> r.oid) + "
            + "(SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'app' "
            + "AND t.typowner <> r.oid) + (SELECT count(*) FROM pg_namespace WHERE nspname = 'app' AND nspowner <> "
            + "r.oid) FROM pg_roles r WHERE r.rolname = current_user"), "objects not owned by the copy's role");
        assertEquals("0", value(statement, "SELECT count(*) FROM pg_shdepend WHERE dbid = (SELECT oid FROM "
            + "pg_database WHERE datname = current_database()) AND refobjid = (SELECT oid FROM pg_roles WHERE "
            + "rolname = '" + state.location() + "')"), "what still names the state's role");
        assertEquals("=r/" + copy.location(), value(statement, "SELECT array_to_string(array_agg(a), ',') FROM "
            + "(SELECT unnest(relacl)::text AS a FROM pg_class WHERE relname = 'notes') x WHERE a LIKE '=%'"));
        assertEquals("kept", value(statement, "SELECT body FROM app.notes"));
        assertEquals(state.location() + "_owner", value(statement, "SELECT pg_get_userbyid(datdba) FROM "
            + "pg_database WHERE datname = '" + state.location() + "'"), "the state is held by a role of its own");
        SQLException rename = assertThrows(SQLException.class, () -> statement.execute("ALTER DATABASE "
            + state.location() + " RENAME TO " + state.location() + "_moved"));
        assertTrue(rename.getMessage().contains("must be owner of database"), rename.getMessage());
      }
    } finally {
      state.close();
    }
    assertEquals(List.of(), postgres.dropProblems());
    assertEquals(null, PostgresServer.queryValue("SELECT string_agg(rolname, ',') FROM pg_roles WHERE rolname LIKE '"
        + state.location() + "%'"));
  }

  @Test
  void aDropLeavesANameThatNoLongerHasItsOidAndReportsIt() {
    ScratchDatabase scratch = postgres.createScratch("pgswap_" + System.nanoTime());
    String name = scratch.location();
    String moved = name + "_moved";
    try {
      // What a hostile step run as the door user could do: move the scratch database away, put another in its place.
      PostgresServer.execute("ALTER DATABASE " + name + " RENAME TO " + moved);
      PostgresServer.execute("CREATE DATABASE " + name);
      scratch.close();

      assertEquals(List.of(name, moved), PostgresServer.databases(name), "both are left");
      List<String> problems = postgres.dropProblems();
      assertEquals(1, problems.size(), problems.toString());
      assertTrue(problems.get(0).matches("left " + name + " alone: it is not the database this run created \\(OID "
          + "\\d+ then, \\d+ now\\); the one this run created is now called " + moved + ", left in place too; its "
          + "roles are left with it"), problems.get(0));
      assertEquals(List.of(), postgres.dropProblems(), "reported once");
    } finally {
      PostgresServer.execute("DROP DATABASE IF EXISTS " + name);
      PostgresServer.execute("DROP DATABASE IF EXISTS " + moved);
      PostgresServer.execute("DROP ROLE IF EXISTS " + name);
    }
  }

  @Test
  void cleanDropsOnlyOldDatabasesWhoseMarkerAndOwnerSayRehearsalAndSaysWhatItSkipped() {
    String stamp = String.valueOf(System.nanoTime());
    String oldComment = "'Rehearsal scratch database; created " + Instant.now().minus(Duration.ofHours(3)) + " by test'";
    ScratchDatabase old = postgres.createScratch("cleanold_" + stamp);
    ScratchDatabase young = postgres.createScratch("cleanyoung_" + stamp);
    old.keep();
    old.close();
    young.keep();
    young.close();
    PostgresServer.execute("COMMENT ON DATABASE " + old.location() + " IS " + oldComment);
    PostgresServer.execute("COMMENT ON ROLE " + old.location() + " IS 'Rehearsal scratch role; created "
        + Instant.now().minus(Duration.ofHours(3)) + " by test'");
    // The second route of the issue: a foreign database renamed into the prefix, with a forged old marker.
    String forged = "rehearsal_forged_" + stamp;
    String unmarked = "rehearsal_foreign_" + stamp;
    PostgresServer.execute("CREATE DATABASE " + forged);
    PostgresServer.execute("COMMENT ON DATABASE " + forged + " IS " + oldComment);
    PostgresServer.execute("CREATE DATABASE " + unmarked);
    PostgresServer.execute("COMMENT ON DATABASE " + unmarked + " IS 'somebody else''s database'");
    try {
      List<String> skipped = new java.util.ArrayList<>();
      List<String> dropped = postgres.clean(Duration.ofHours(1), skipped::add);

      assertTrue(dropped.stream().anyMatch(d -> d.startsWith(old.location() + " (")), dropped.toString());
      assertTrue(dropped.contains("role " + old.location()), dropped.toString());
      assertEquals(List.of(), PostgresServer.databases(old.location()));
      assertEquals(List.of(young.location()), PostgresServer.databases(young.location()));
      assertEquals(List.of(forged), PostgresServer.databases(forged));
      assertEquals(List.of(unmarked), PostgresServer.databases(unmarked));
      assertTrue(skipped.contains(forged + ": its owner postgres is not a role Rehearsal created"), skipped.toString());
      assertTrue(skipped.contains(unmarked + ": its comment is not Rehearsal's marker"), skipped.toString());
      assertTrue(skipped.stream().anyMatch(s -> s.startsWith(young.location() + ": created ")
          && s.endsWith(", less than PT1H ago (a run may be using it)")), skipped.toString());
    } finally {
      for (String name : List.of(old.location(), young.location(), forged, unmarked)) {
        PostgresServer.execute("DROP DATABASE IF EXISTS " + name);
      }
      PostgresServer.execute("DROP ROLE IF EXISTS " + old.location());
      PostgresServer.execute("DROP ROLE IF EXISTS " + young.location());
    }
  }

  @Test
  void anUnreachableServerIsAnInfrastructureErrorThatHidesThePassword() {
    PostgresDatabase nowhere = new PostgresDatabase("postgres",
        "jdbc:postgresql://127.0.0.1:1/postgres?user=postgres&password=hunter2&connectTimeout=2", "5min", "30s");
    DatabaseException e = assertThrows(DatabaseException.class, () -> nowhere.createScratch("x"));
    assertTrue(e.infrastructure());
    assertTrue(e.getMessage().startsWith("cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/postgres"
        + "?user=postgres&password=***&connectTimeout=2: "), e.getMessage());
    assertTrue(e.getMessage().contains("is the server running?"), e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
  }

  @Test
  void theDriversOwnMessageNeverShowsAPasswordHoldingSlashesOrAts() {
    PostgresDatabase nowhere = new PostgresDatabase("postgres",
        "jdbc:postgresql://127.0.0.1:1/postgres?user=ci&password=S3c/r3t%40x:y&connectTimeout=2", "5min", "30s");
    DatabaseException e = assertThrows(DatabaseException.class, () -> nowhere.createScratch("x"));
    assertFalse(e.getMessage().contains("S3c") || e.getMessage().contains("r3t"), e.getMessage());
    assertTrue(e.getMessage().contains("password=***"), e.getMessage());
  }

  @Test
  void refusesAnUnknownStepsAs() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new PostgresDatabase("reporting", PostgresServer.url(), "5min", "30s", null, "superuser"));
    assertEquals("databases.reporting.steps_as is 'superuser' — write scratch_role (the default: steps run as a role "
        + "of the scenario run's own) or door_user (steps run as the URL's user)", e.getMessage());
  }

  @Test
  void refusesATimeoutThatIsNotADuration() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new PostgresDatabase("postgres", PostgresServer.url(), "5min'; DROP DATABASE x; --", "30s"));
    assertEquals("statement_timeout '5min'; DROP DATABASE x; --' is not a duration — write e.g. 500ms, 30s, 5min",
        e.getMessage());
  }

  private static String value(Statement statement, String sql) throws SQLException {
    try (ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
