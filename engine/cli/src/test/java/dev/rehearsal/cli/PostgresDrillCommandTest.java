package dev.rehearsal.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.testing.PostgresServer;
import dev.rehearsal.testing.RequiresPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rehearse drill} on PostgreSQL: a populated database of the sample repository at 20250105000000, dumped with
 * pg_dump (custom and plain), drilled; a dump taken with {@code --create} and a plain dump whose rows do not load are
 * refused or rolled back; and no value of the restored rows reaches any report, even when migrations fail on them.
 */
@RequiresPostgres
class PostgresDrillCommandTest {

  private static final Path REPOSITORY = DrillCommandTest.REPOSITORY;
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A value of the restored data that no report may show. */
  private static final String MARKER = "zq7marker";

  @TempDir
  Path dir;

  private final String source = "drills_source_" + ProcessHandle.current().pid() + "_" + System.nanoTime();

  @AfterEach
  void dropSource() throws SQLException {
    try (Connection door = DriverManager.getConnection(PostgresServer.url());
        Statement statement = door.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + source + " WITH (FORCE)");
    }
  }

  /** The source database at 20250105000000 with {@code rows}, dumped by pg_dump with {@code format}. */
  private Path dump(String rows, String format, String... options) throws Exception {
    try (Connection door = DriverManager.getConnection(PostgresServer.url());
        Statement statement = door.createStatement()) {
      statement.execute("CREATE DATABASE " + source);
    }
    Cli applied = Cli.run("apply", "--project-dir", REPOSITORY.toString(), "--database", "postgres",
        "--postgres-url", PostgresServer.url(), "--db", source, "--to", DrillCommandTest.RESTORED, "--yes",
        "--no-backup");
    assertEquals(0, applied.exitCode(), applied.err());
    try (Connection connection = DriverManager.getConnection(PostgresServer.url(source));
        Statement statement = connection.createStatement()) {
      for (String insert : rows.split(";\n")) {
        statement.executeUpdate(insert);
      }
    }
    Path file = dir.resolve("nightly/shop." + (format.equals("custom") ? "dump" : "sql"));
    Files.createDirectories(file.getParent());
    List<String> command = new ArrayList<>(List.of("pg_dump", "--format=" + format, "--file=" + file));
    command.addAll(List.of(options));
    command.add(PostgresServer.url(source).replace("jdbc:", ""));
    Process pgDump = new ProcessBuilder(command).redirectErrorStream(true).start();
    String said = new String(pgDump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, pgDump.waitFor(), said);
    return file;
  }

  private Cli drill(Path backup, String... more) {
    List<String> args = new ArrayList<>(List.of("drill", backup.toString(), "--project-dir", REPOSITORY.toString(),
        "--postgres-url", PostgresServer.url(), "--allow-outside-project", "--reports",
        dir.resolve("reports").toString(), "--markdown", dir.resolve("reports/summary.md").toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void aPgDumpArchiveIsRestoredMigratedRoundTrippedRolledBackAndFoundAgain() throws Exception {
    Path backup = dump(DrillCommandTest.ROWS, "custom");
    byte[] bytes = Files.readAllBytes(backup);
    FileTime modified = Files.getLastModifiedTime(backup);

    Cli cli = drill(backup, "--rto", "30min");

    assertEquals(0, cli.exitCode(), cli.out() + cli.err());
    String out = cli.out();
    assertEquals(10, out.lines().filter(l -> l.startsWith("  2025") && l.endsWith("  passed")).count(), out);
    assertTrue(out.contains("\n  backup    pg_dump custom archive, "), out);
    assertTrue(out.contains("  restored  5 tables, 4 rows, at version 20250105000000, 10 pending "), out);
    assertTrue(out.matches("(?s).*\n  rollback  10 migrations +\\d+ ms\n.*"), out);
    assertTrue(out.contains("  objective 30 min: met\n"), out);
    JsonNode summary = JSON.readTree(dir.resolve("reports/rehearse-drill--postgres.json").toFile());
    summary.path("steps").forEach(step -> assertEquals("passed", step.path("status").asText(), step.toString()));
    assertEquals("pg_dump custom archive", summary.path("recovery").path("backup").path("format").asText());
    String markdown = Files.readString(dir.resolve("reports/summary.md"));
    assertTrue(markdown.contains("### Recovery drill\n\n| scenario | database | backup | restore | migrate | rollback "
        + "| total | objective |\n"), markdown);
    assertTrue(markdown.contains("| `rehearse-drill` | postgres | `" + backup + "` (unverified, version "
        + "20250105000000) | "), markdown);
    assertTrue(markdown.contains(" | 30 min: ✅ met |\n"), markdown);
    assertArrayEquals(bytes, Files.readAllBytes(backup));
    assertEquals(modified, Files.getLastModifiedTime(backup));
  }

  @Test
  void aPlainDumpIsRestoredWithPsqlAndAnObjectiveOfOneMillisecondIsBroken() throws Exception {
    Path backup = dump(DrillCommandTest.ROWS, "plain");

    Cli cli = drill(backup, "--rto", "1ms");

    assertEquals(1, cli.exitCode(), cli.out() + cli.err());
    assertTrue(cli.out().contains("\n  backup    pg_dump plain SQL dump, "), cli.out());
    assertTrue(cli.out().contains("  restored  5 tables, 4 rows, at version 20250105000000, 10 pending "),
        cli.out());
    assertEquals(10, cli.out().lines().filter(l -> l.startsWith("  2025") && l.endsWith("  passed")).count());
    assertTrue(cli.out().contains("  objective 1 ms: exceeded during the restore\n"), cli.out());
    JsonNode summary = JSON.readTree(dir.resolve("reports/rehearse-drill--postgres.json").toFile());
    List<String> failed = summary.path("failed_checks").findValuesAsText("check");
    assertEquals(List.of("recovery within 1 ms"), failed);
  }

  @Test
  void aDumpTakenWithCreateIsRefusedBeforeAnythingRuns() throws Exception {
    Path backup = dump(DrillCommandTest.ROWS, "plain", "--create");

    Cli cli = drill(backup);

    assertEquals(1, cli.exitCode(), cli.out() + cli.err());
    assertTrue(cli.out().contains("refused: shop.sql:"), cli.out());
    assertTrue(cli.out().contains(": CREATE DATABASE " + source + " ...: a database statement: a dump taken with "
        + "--create, or by pg_dumpall — take it with pg_dump without --create (one database, restored into the "
        + "scratch database) — refused, nothing of it was run"), cli.out());
    JsonNode summary = JSON.readTree(dir.resolve("reports/rehearse-drill--postgres.json").toFile());
    assertEquals("error", summary.path("status").asText());
    assertEquals(List.of("error", "skipped", "skipped", "skipped"), summary.path("steps").findValuesAsText("status"));
  }

  @Test
  void aPlainDumpWhoseRowsDoNotLoadStopsAtTheErrorAndLeavesNothing() throws Exception {
    Path backup = dump(DrillCommandTest.ROWS, "plain");
    // The second COPY row of posts gets a value its integer column refuses.
    String text = Files.readString(backup);
    Files.writeString(backup, text.replace("\n2\t2\tBugs\t", "\n" + MARKER + "\t2\tBugs\t"));

    Cli cli = drill(backup, "--keep");

    assertEquals(1, cli.exitCode(), cli.out() + cli.err());
    assertNoMarker(cli);
    java.util.regex.Matcher kept = java.util.regex.Pattern.compile("kept: .*?(rehearsal_\\w+)").matcher(cli.out());
    assertTrue(kept.find(), cli.out());
    try (Connection connection = DriverManager.getConnection(PostgresServer.url(kept.group(1)));
        Statement statement = connection.createStatement();
        java.sql.ResultSet tables = statement.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = "
            + "'public'")) {
      tables.next();
      // One transaction: the tables created and the users loaded before the bad row went with it.
      assertEquals(0, tables.getInt(1));
    } finally {
      dropKept(kept.group(1));
    }
    assertTrue(cli.out().contains("psql exited with 3 (the database was emptied; what psql did was rolled back): "
        + "psql:<stdin>:"), cli.out());
    assertTrue(cli.out().contains("ERROR:  invalid input syntax for type integer: (withheld: restored data)"),
        cli.out());
  }

  @Test
  void noValueOfTheRestoredRowsReachesAReportWhenAMigrationFailsOnThem() throws Exception {
    // Two addresses that differ only in case make 20250106000000 fail on uq_users_email: PostgreSQL's DETAIL quotes
    // the key.
    Path backup = dump("""
        INSERT INTO users (id, email, full_name) VALUES (1, 'Ada.%1$s@Example.com', 'Ada %1$s');
        INSERT INTO users (id, email, full_name) VALUES (2, 'ada.%1$s@example.com', 'Ada');
        INSERT INTO posts (id, user_id, title, body) VALUES (1, 1, 'Notes %1$s', '%1$s')""".formatted(MARKER),
        "custom");

    Cli cli = drill(backup);

    assertEquals(1, cli.exitCode(), cli.out() + cli.err());
    assertNoMarker(cli);
    assertTrue(cli.out().contains("20250106000000_normalise_user_emails.sql          up fails"), cli.out());
    assertTrue(cli.out().contains("duplicate key value violates unique constraint \"uq_users_email\""), cli.out());
    assertTrue(cli.out().contains("Detail: (withheld: restored data)"), cli.out());
  }

  @Test
  void noValueOfTheRestoredRowsReachesAReportWhenARollbackLosesThem() throws Exception {
    Path backup = dump("""
        INSERT INTO users (id, email, full_name, legacy_email) VALUES (1, 'ada@example.com', 'Ada', '%1$s@old.example');
        INSERT INTO posts (id, user_id, title, body) VALUES (1, 1, 'Notes', '%1$s')""".formatted(MARKER), "plain");

    Cli cli = drill(backup);

    assertEquals(1, cli.exitCode(), cli.out() + cli.err());
    assertTrue(cli.out().contains("20250109000000_drop_users_legacy_email.sql        lossy rollback:"), cli.out());
    assertTrue(cli.out().contains("column users.legacy_email: 0 values now, 1 value at snapshot restored"),
        cli.out());
    assertNoMarker(cli);
  }

  @Test
  void aPlainDumpRunsAsTheScratchDatabasesOwnRoleAndNeverAsTheDoorUser() throws Exception {
    Path backup = dump(DrillCommandTest.ROWS, "plain");
    // What the dump computes runs as the role psql connected as: a table records it.
    String text = Files.readString(backup);
    Files.writeString(backup, text.replace("-- PostgreSQL database dump complete", "-- who ran it\n--\n\n"
        + "CREATE TABLE public.who AS SELECT session_user::text AS session, current_user::text AS current;\n\n--\n"
        + "-- PostgreSQL database dump complete"));

    Cli cli = drill(backup, "--keep");

    java.util.regex.Matcher kept = java.util.regex.Pattern.compile("kept: .*?(rehearsal_\\w+)").matcher(cli.out());
    assertTrue(kept.find(), cli.out());
    try (Connection connection = DriverManager.getConnection(PostgresServer.url(kept.group(1)));
        Statement statement = connection.createStatement();
        java.sql.ResultSet who = statement.executeQuery("SELECT session, current, (SELECT pg_get_userbyid(datdba) "
            + "FROM pg_database WHERE datname = current_database()) FROM public.who")) {
      assertTrue(who.next());
      assertEquals(who.getString(3), who.getString(1), "psql logs in as the database's own role");
      assertEquals(who.getString(3), who.getString(2));
      assertFalse(who.getString(1).equals("postgres"), "not as the door user");
    } finally {
      dropKept(kept.group(1));
    }
  }

  /** Drops a scratch database the drill kept, and its role (named after it); never another run's. */
  private static void dropKept(String database) throws SQLException {
    try (Connection door = DriverManager.getConnection(PostgresServer.url());
        Statement statement = door.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      statement.execute("DROP ROLE IF EXISTS " + database);
    }
  }

  /** The marker is in no output and no report file, in any case. */
  private void assertNoMarker(Cli cli) throws IOException {
    assertFalse((cli.out() + cli.err()).toLowerCase(Locale.ROOT).contains(MARKER), cli.out() + cli.err());
    try (Stream<Path> reports = Files.walk(dir.resolve("reports"))) {
      List<Path> files = reports.filter(Files::isRegularFile).toList();
      assertTrue(files.size() >= 3, files.toString());
      for (Path file : files) {
        assertFalse(Files.readString(file).toLowerCase(Locale.ROOT).contains(MARKER), file.toString());
      }
    }
  }
}
