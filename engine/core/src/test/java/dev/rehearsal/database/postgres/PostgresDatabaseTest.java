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
      new PostgresDatabase("postgres", PostgresServer.url(), "5min", "30s").drop(kept.location());
    }
  }

  @Test
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
      assertTrue(scratch.openCommand().startsWith("psql -h "), scratch.openCommand());
      assertTrue(scratch.openCommand().endsWith(" -d " + name), scratch.openCommand());
    } finally {
      PostgresServer.execute("DROP DATABASE IF EXISTS " + name);
    }
  }

  @Test
  void cleanDropsOnlyOldDatabasesMarkedAsRehearsals() {
    String stamp = String.valueOf(System.nanoTime());
    String old = "rehearsal_cleanold_" + stamp;
    String young = "rehearsal_cleanyoung_" + stamp;
    String foreign = "rehearsal_foreign_" + stamp;
    PostgresServer.execute("CREATE DATABASE " + old);
    PostgresServer.execute("COMMENT ON DATABASE " + old + " IS 'Rehearsal scratch database; created "
        + Instant.now().minus(Duration.ofHours(3)) + " by test'");
    PostgresServer.execute("CREATE DATABASE " + young);
    PostgresServer.execute("COMMENT ON DATABASE " + young + " IS 'Rehearsal scratch database; created "
        + Instant.now() + " by test'");
    PostgresServer.execute("CREATE DATABASE " + foreign);
    PostgresServer.execute("COMMENT ON DATABASE " + foreign + " IS 'somebody else''s database'");
    try {
      List<String> dropped = postgres.clean(Duration.ofHours(1));
      assertTrue(dropped.stream().anyMatch(d -> d.startsWith(old + " ")), dropped.toString());
      assertFalse(dropped.stream().anyMatch(d -> d.startsWith(young) || d.startsWith(foreign)), dropped.toString());
      assertEquals(List.of(), PostgresServer.databases(old));
      assertEquals(List.of(young), PostgresServer.databases(young));
      assertEquals(List.of(foreign), PostgresServer.databases(foreign));
    } finally {
      PostgresServer.execute("DROP DATABASE IF EXISTS " + old);
      PostgresServer.execute("DROP DATABASE IF EXISTS " + young);
      PostgresServer.execute("DROP DATABASE IF EXISTS " + foreign);
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
