package dev.rehearsal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rehearsal.backup.Backups;
import dev.rehearsal.database.postgres.PostgresDatabase;
import dev.rehearsal.testing.PostgresServer;
import dev.rehearsal.testing.RequiresPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backup} and {@code restore} of databases on the real PostgreSQL server, with the sample project: a source
 * database and a restore target that the test creates and drops itself.
 */
@RequiresPostgres
class PostgresBackupCommandsTest {

  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

  @TempDir
  Path temp;

  private final String source = "cli_backup_source_" + System.nanoTime();
  private final String target = "cli_backup_target_" + System.nanoTime();

  @BeforeEach
  void createDatabases() {
    PostgresServer.execute("CREATE DATABASE " + source);
    PostgresServer.execute("CREATE DATABASE " + target);
  }

  @AfterEach
  void dropDatabases() {
    PostgresServer.execute("DROP DATABASE IF EXISTS " + source + " WITH (FORCE)");
    PostgresServer.execute("DROP DATABASE IF EXISTS " + target + " WITH (FORCE)");
  }

  private static Cli rehearse(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--project-dir", ROOT.toString(), "--database", "postgres", "--postgres-url",
        PostgresServer.url()));
    return Cli.run(all.toArray(String[]::new));
  }

  private static List<String> rows(String database, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(PostgresServer.url(database));
        Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
      return rows;
    }
  }

  @Test
  void aDatabaseBackedUpWithPgDumpIsRestoredIntoAnotherAndMatchesTheManifest() throws SQLException {
    assertEquals(0, rehearse("apply", "--db", source, "--to", "20250106000000", "--yes", "--no-backup").exitCode());
    try (Connection connection = DriverManager.getConnection(PostgresServer.url(source));
        Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO users (id, email, full_name) VALUES (1, 'ada@example.com', 'Ada Lovelace'), "
          + "(2, 'grace@example.com', 'Grace Hopper')");
    }
    Path dump = temp.resolve("source.dump");

    Cli backup = rehearse("backup", "--db", source, "--out", dump.toString(), "--allow-outside-project");
    assertEquals(0, backup.exitCode(), backup.err());
    assertEquals("backed up " + source + " at version 20250106000000 (5 tables)",
        backup.out().lines().findFirst().orElseThrow());
    assertEquals("20250106000000", Backups.verify(dump, new PostgresDatabase("postgres", PostgresServer.url(), "5min",
        "30s")).version());

    assertEquals(new Cli(2, "", "error: restore changes " + target + ", a database Rehearsal did not create — "
        + "add --yes to confirm\n"), rehearse("restore", "--db", target, "--from", dump.toString()));
    assertEquals(List.of(), rows(target, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"));

    Cli restore = rehearse("restore", "--db", target, "--from", dump.toString(), "--yes");

    assertEquals(new Cli(0, "restored source.dump into " + target + ": version 20250106000000, schema and 5 tables "
        + "match the manifest\n", ""), restore);
    assertEquals(List.of("ada@example.com", "grace@example.com"),
        rows(target, "SELECT email FROM users ORDER BY id"));
    assertEquals(List.of("20250106000000"), rows(target, "SELECT max(id) FROM changelog"));
  }

  @Test
  void aDatabaseWithALargeObjectIsRestoredFromItsOwnBackupInsteadOfBeingLeftEmpty() throws SQLException {
    assertEquals(0, rehearse("apply", "--db", source, "--to", "20250106000000", "--yes").exitCode());
    try (Connection connection = DriverManager.getConnection(PostgresServer.url(source));
        Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO users (id, email, full_name) VALUES (1, 'ada@example.com', 'Ada Lovelace')");
      statement.execute("CREATE TABLE attachments (id int PRIMARY KEY, body oid)");
      statement.execute("INSERT INTO attachments VALUES (1, lo_from_bytea(0, 'hello'))");
    }
    Path dump = temp.resolve("source.dump");
    assertEquals(0, rehearse("backup", "--db", source, "--out", dump.toString(), "--allow-outside-project")
        .exitCode());

    // The archive re-creates the large object with its OID: left in place by the emptying, it failed the restore
    // after every table was gone.
    Cli restore = rehearse("restore", "--db", source, "--from", dump.toString(), "--yes");

    assertEquals(0, restore.exitCode(), restore.err());
    assertEquals(List.of("ada@example.com"), rows(source, "SELECT email FROM users ORDER BY id"));
    assertEquals(List.of("hello"), rows(source, "SELECT convert_from(lo_get(body), 'UTF8') FROM attachments"));
  }

  @Test
  void aRestoreIntoADatabaseOwnedByAnotherRoleLeavesWhatItCreatesToThatRole() throws SQLException {
    String owner = "cli_restore_owner_" + System.nanoTime();
    String owned = "cli_backup_owned_" + System.nanoTime();
    PostgresServer.execute("CREATE ROLE " + owner + " NOLOGIN");
    try {
      PostgresServer.execute("CREATE DATABASE " + owned + " OWNER " + owner);
      assertEquals(0, rehearse("apply", "--db", source, "--to", "20250106000000", "--yes", "--no-backup").exitCode());
      Path dump = temp.resolve("source.dump");
      assertEquals(0, rehearse("backup", "--db", source, "--out", dump.toString(), "--allow-outside-project")
          .exitCode());

      Cli restore = rehearse("restore", "--db", owned, "--from", dump.toString(), "--yes");

      assertEquals(0, restore.exitCode(), restore.err());
      assertEquals(List.of(owner), rows(owned, "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = "
          + "'public'"));
      assertEquals(List.of(owner), rows(owned, "SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = "
          + "'public'"));
    } finally {
      PostgresServer.execute("DROP DATABASE IF EXISTS " + owned + " WITH (FORCE)");
      PostgresServer.execute("DROP ROLE " + owner);
    }
  }
}
