package dev.rehearsal.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rehearse drill} on SQLite: a populated database of the sample repository at 20250105000000, backed up by a
 * file copy, is restored, its ten pending migrations round-tripped on its rows, rolled back, and found again, with
 * the times against {@code --rto}. The backup file is never written to.
 */
class DrillCommandTest {

  static final Path REPOSITORY = RoundtripCommandTest.REPOSITORY;
  static final String RESTORED = "20250105000000";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  /** A SQLite database of the sample repository at {@link #RESTORED}, with {@code rows} inserted. */
  static Path populated(Path dir, String rows) throws IOException, SQLException {
    Path database = dir.resolve("production.sqlite");
    Files.createFile(database);
    Cli applied = Cli.run("apply", "--project-dir", REPOSITORY.toString(), "--db", database.toString(), "--to",
        RESTORED, "--yes", "--no-backup");
    assertEquals(0, applied.exitCode(), applied.err());
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement statement = connection.createStatement()) {
      for (String insert : rows.split(";\n")) {
        statement.executeUpdate(insert);
      }
    }
    return database;
  }

  static final String ROWS = """
      INSERT INTO users (id, email, full_name) VALUES (1, 'Ada.Lovelace@Example.com', 'Ada Lovelace');
      INSERT INTO users (id, email, full_name) VALUES (2, 'grace@example.com', 'Grace Hopper');
      INSERT INTO posts (id, user_id, title, body) VALUES (1, 1, 'Notes', 'On the analytical engine');
      INSERT INTO posts (id, user_id, title, body) VALUES (2, 2, 'Bugs', 'A moth in relay 70')""";

  private Path backup() throws IOException, SQLException {
    Path backup = dir.resolve("nightly/production-2025-01-05.sqlite");
    Files.createDirectories(backup.getParent());
    // SQLite's backup, as the issue has it: a copy of the file; of a database in WAL mode, as production ones often
    // are (opened as a database, it would get -wal and -shm files beside it).
    Path production = populated(dir, ROWS);
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + production);
        Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA journal_mode = WAL");
    }
    Files.copy(production, backup);
    Files.setLastModifiedTime(backup, FileTime.from(Instant.parse("2025-01-05T03:00:00Z")));
    return backup;
  }

  private Cli drill(Path backup, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("drill", backup.toString(), "--project-dir",
        REPOSITORY.toString(), "--allow-outside-project", "--reports", dir.resolve("reports").toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void aFileCopyRestoresMigratesRoundTripsRollsBackAndIsFoundAgain() throws Exception {
    Path backup = backup();
    byte[] bytes = Files.readAllBytes(backup);
    FileTime modified = Files.getLastModifiedTime(backup);

    Cli cli = drill(backup, "--rto", "30min");

    assertEquals("", cli.err());
    assertEquals(0, cli.exitCode(), cli.out());
    String out = cli.out();
    assertTrue(out.contains("Round-trips on sqlite: 10 migrations\n"), out);
    assertEquals(10, out.lines().filter(l -> l.startsWith("  2025") && l.endsWith("  passed")).count(), out);
    assertTrue(out.contains("PASS   sqlite   rehearse-drill"), out);
    assertTrue(out.contains("\n  backup    SQLite database file, "), out);
    assertTrue(out.contains("            unverified: no .sha256 or manifest beside it\n"
        + "  restored  5 tables, 4 rows, at version 20250105000000, 10 pending "), out);
    assertTrue(out.matches("(?s).*\n  migrate   10 migrations +\\d+ ms\n.*"), out);
    assertTrue(out.matches("(?s).*\n    20250106000000_normalise_user_emails\\.sql +\\d+ ms\n.*"), out);
    assertTrue(out.matches("(?s).*\n  rollback  10 migrations +\\d+ ms\n.*"), out);
    assertTrue(out.matches("(?s).*\n  total     restore \\+ migrate \\+ rollback +\\d+ ms\n"
        + "  objective 30 min: met\n.*"), out);
    out.lines().filter(line -> !line.startsWith("Summary: ")).forEach(line -> assertTrue(line.length() <= 80, line));

    JsonNode summary = JSON.readTree(dir.resolve("reports/rehearse-drill--sqlite.json").toFile());
    List<String> steps = summary.path("steps").findValuesAsText("step");
    assertEquals(List.of("restore file " + backup, "roundtrip all", "rollback to the version of restored",
        "expect schema, data", "rto 30min"), steps);
    summary.path("steps").forEach(step -> assertEquals("passed", step.path("status").asText(), step.toString()));
    JsonNode recovery = summary.path("recovery");
    JsonNode file = recovery.path("backup");
    assertEquals(backup.toString(), file.path("file").asText());
    assertEquals("SQLite database file", file.path("format").asText());
    assertEquals(bytes.length, file.path("size_bytes").asLong());
    assertEquals(64, file.path("sha256").asText().length());
    assertEquals("unverified", file.path("verification").asText());
    assertEquals(RESTORED, file.path("version").asText());
    assertEquals(10, file.path("pending").asInt());
    assertEquals(10, recovery.path("migrations").size());
    recovery.path("migrations").forEach(m -> {
      assertTrue(m.path("up_ms").isNumber(), m.toString());
      assertTrue(m.path("down_ms").isNumber(), m.toString());
    });
    assertEquals(recovery.path("restore_ms").asLong() + recovery.path("migrate_ms").asLong()
        + recovery.path("rollback_ms").asLong(), recovery.path("total_ms").asLong());
    assertEquals(1_800_000, recovery.path("objective_ms").asLong());
    assertTrue(recovery.path("within_objective").asBoolean());
    assertTrue(recovery.path("exceeded_in").isNull());

    assertArrayEquals(bytes, Files.readAllBytes(backup));
    assertEquals(modified, Files.getLastModifiedTime(backup));
    try (Stream<Path> beside = Files.list(backup.getParent())) {
      assertEquals(List.of(backup.getFileName().toString()), beside.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void anObjectiveOfOneMillisecondFailsNamingThePartThatBrokeIt() throws Exception {
    Cli cli = drill(backup(), "--rto", "1ms");

    assertEquals(1, cli.exitCode(), cli.out() + cli.err());
    assertTrue(cli.out().contains("         failed: recovery within 1 ms\n"
        + "           expected: at most 1 ms\n"), cli.out());
    assertTrue(cli.out().contains("           The objective of 1 ms was exceeded during the restore:\n"), cli.out());
    assertTrue(cli.out().contains("  objective 1 ms: exceeded during the restore\n"), cli.out());
    JsonNode recovery = JSON.readTree(dir.resolve("reports/rehearse-drill--sqlite.json").toFile()).path("recovery");
    assertFalse(recovery.path("within_objective").asBoolean());
    assertEquals("restore", recovery.path("exceeded_in").asText());
  }

  @Test
  void aRollbackThatLosesProductionRowsFailsTheDrillAndNamesTheColumn() throws Exception {
    Path backup = dir.resolve("legacy.sqlite");
    Files.copy(populated(dir, ROWS + ";\nUPDATE users SET legacy_email = 'ada@oldforum.example.org' WHERE id = 1"),
        backup);

    Cli cli = drill(backup);

    assertEquals(1, cli.exitCode(), cli.out() + cli.err());
    assertTrue(cli.out().contains("  20250109000000_drop_users_legacy_email.sql        lossy rollback:\n"
        + "                                                    users.legacy_email\n"), cli.out());
    assertTrue(cli.out().contains("         failed: data same_as restored\n"), cli.out());
    assertTrue(cli.out().contains("column users.legacy_email: 0 values now, 1 value at snapshot restored"),
        cli.out());
    assertFalse(cli.out().contains("oldforum"), cli.out());
  }

  @Test
  void aMissingFileOrOneNoDatabaseReadsIsInvalidInput() throws IOException {
    Cli missing = drill(dir.resolve("nowhere.sqlite"));
    assertEquals(2, missing.exitCode());
    assertTrue(missing.err().contains("FILE " + dir.resolve("nowhere.sqlite") + ": no such file — give the backup "
        + "file to drill on"), missing.err());

    Path text = Files.writeString(dir.resolve("notes.txt"), "not a backup\n");
    Cli unknown = drill(text);
    assertEquals(2, unknown.exitCode());
    assertTrue(unknown.err().contains("is not a backup any configured database can restore:\n"
        + "  sqlite: " + text + " is not a SQLite database (it does not start with SQLite's header)\n"
        + "  postgres: " + text + " is not a PostgreSQL dump Rehearsal can restore: it does not start as a pg_dump "
        + "archive ('PGDMP') or plain dump ('-- PostgreSQL database dump') does"), unknown.err());

    Cli wrong = drill(text, "--database", "sqlite");
    assertEquals(2, wrong.exitCode());
    assertTrue(wrong.err().contains("FILE " + text + " cannot be restored into sqlite: " + text + " is not a SQLite "
        + "database (it does not start with SQLite's header)"), wrong.err());

    Cli rto = drill(text, "--rto", "soon");
    assertEquals(2, rto.exitCode());
    assertTrue(rto.err().contains("--rto soon is not a duration — write e.g. 30min, 90s, 1h or 500ms"), rto.err());
  }

  @Test
  void aFileOutsideTheProjectNeedsTheOption() throws Exception {
    Path backup = backup();
    Cli cli = Cli.run("drill", backup.toString(), "--project-dir", REPOSITORY.toString());
    assertEquals(2, cli.exitCode());
    assertTrue(cli.err().contains("FILE " + backup + " is outside the project root " + REPOSITORY + " — copy it into "
        + "the project, or pass --allow-outside-project (paths.allow_outside_project)"), cli.err());
  }

  @Test
  void aGlobTakesTheNewestMatchByName() throws Exception {
    Path newest = backup();
    Path older = newest.resolveSibling("production-2025-01-04.sqlite");
    Files.copy(newest, older);
    // Copied later, so newer by modification time: the name decides.
    Files.setLastModifiedTime(older, FileTime.from(Instant.now()));
    Files.writeString(newest.resolveSibling("production-2025-01-06.sqlite.sha256"), "not a candidate\n");

    Cli cli = drill(newest.getParent().resolve("production-*"));

    assertEquals(0, cli.exitCode(), cli.out() + cli.err());
    assertNotNull(cli.out());
    JsonNode file = JSON.readTree(dir.resolve("reports/rehearse-drill--sqlite.json").toFile()).path("recovery")
        .path("backup").path("file");
    assertEquals(newest.toString(), file.asText());
  }
}
