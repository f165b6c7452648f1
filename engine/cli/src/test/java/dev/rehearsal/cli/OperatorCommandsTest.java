package dev.rehearsal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code status}, {@code apply} and {@code rollback} on a SQLite file the operator names with {@code --db}. */
class OperatorCommandsTest {

  @TempDir
  Path dir;

  private TempProject project;
  private Path db;

  @BeforeEach
  void createProjectAndEmptyDatabase() throws IOException {
    project = new TempProject(dir.resolve("project"));
    // An empty file is an empty SQLite database.
    db = Files.createFile(dir.resolve("library.sqlite"));
  }

  /** Runs an operator command on the test database; commands that change it are confirmed with --yes. */
  private Cli operator(String... args) {
    List<String> all = new java.util.ArrayList<>(List.of(args));
    all.addAll(List.of("--project-dir", project.dir(), "--db", db.toString()));
    if (List.of("apply", "rollback").contains(args[0])) {
      all.add("--yes");
    }
    return Cli.run(all.toArray(String[]::new));
  }

  @Test
  void changingANamedDatabaseNeedsConfirmation() {
    Cli cli = Cli.run("apply", "--to", "head", "--project-dir", project.dir(), "--db", db.toString());

    assertEquals(new Cli(2, "", "error: apply changes " + db + ", a database Rehearsal did not create — add --yes "
        + "to confirm\n"), cli);
    assertEquals(new Cli(0, """
        ID               APPLIED AT            DESCRIPTION
        20240101000000   ...pending...         create authors
        20240102000000   ...pending...         create books
        Version: base, 2 pending
        """, ""), operator("status"));
  }

  private static String stable(String out) {
    return out.replaceAll("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d", "YYYY-MM-DD hh:mm:ss");
  }

  @Test
  void statusApplyAndRollbackMoveTheDatabaseAndPrintTheVersion() {
    assertEquals(new Cli(0, """
        ID               APPLIED AT            DESCRIPTION
        20240101000000   ...pending...         create authors
        20240102000000   ...pending...         create books
        Version: base, 2 pending
        """, ""), operator("status"));

    assertEquals(new Cli(0, "1 applied, now at version 20240101000000\n", ""),
        operator("apply", "--to", "20240101000000"));
    Cli status = operator("status");
    assertEquals(0, status.exitCode());
    assertEquals("""
        ID               APPLIED AT            DESCRIPTION
        20240101000000   YYYY-MM-DD hh:mm:ss   create authors
        20240102000000   ...pending...         create books
        Version: 20240101000000, 1 pending
        """, stable(status.out()));

    assertEquals(new Cli(0, "1 applied, now at version 20240102000000\n", ""), operator("apply", "--to", "head"));
    assertEquals(new Cli(0, "0 applied, now at version 20240102000000\n", ""), operator("apply", "--to", "head"));
    assertEquals(new Cli(0, "1 rolled back, now at version 20240101000000\n", ""),
        operator("rollback", "--to", "20240101000000"));
    assertEquals(new Cli(0, "1 rolled back, now at version base\n", ""), operator("rollback", "--to", "base"));
    assertEquals("Version: base, 2 pending", operator("status").out().lines().reduce((a, b) -> b).orElseThrow());
  }

  @Test
  void applyToBaseIsRefusedAndLeavesTheDatabaseAlone() {
    Cli cli = operator("apply", "--to", "base");

    assertEquals(new Cli(2, "",
        "error: --to base is not an apply target — use an id or head (rollback goes to base)\n"), cli);
    assertTrue(operator("status").out().endsWith("Version: base, 2 pending\n"));
  }

  @Test
  void rollbackToHeadIsRefused() {
    operator("apply", "--to", "head");

    assertEquals(new Cli(2, "", "error: --to head is not a rollback target — use an id or base\n"),
        operator("rollback", "--to", "head"));
    assertTrue(operator("status").out().endsWith("Version: 20240102000000, 0 pending\n"));
  }

  @Test
  void aTargetThatIsNoMigrationIdExits2() {
    assertEquals(new Cli(2, "", """
        --to 20240103000000:1:1: not a migration id of the repository, head or base — 'rehearse list' shows the ids
        1 problem found; nothing was run.
        """), operator("apply", "--to", "20240103000000"));
  }

  @Test
  void aFailingMigrationExits1AndNamesScriptStatementAndDriverMessage() throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE books (id INTEGER PRIMARY KEY)");
    }

    Cli cli = operator("apply", "--to", "head");

    assertEquals(new Cli(1, "", """
        error: apply head failed in 20240102000000_create_books.sql: [SQLITE_ERROR] SQL error or missing database \
        (table books already exists)
          statement: CREATE TABLE books (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL REFERENCES authors (id))
        """), cli);
    assertTrue(operator("status").out().endsWith("Version: 20240101000000, 1 pending\n"));
  }

  @Test
  void aMissingDatabaseFileExits3WithAMessageAndNoStackTrace() throws IOException {
    Files.delete(db);

    Cli cli = operator("status");

    assertEquals(new Cli(3, "", "error: cannot open SQLite database " + db + ": no such file — give the path of an "
        + "existing database file\n"), cli);
    assertFalse(Files.exists(db), "status must not create the database");
  }

  @Test
  void debugAddsTheStackTrace() throws IOException {
    Files.delete(db);

    Cli cli = operator("status", "--debug");

    assertEquals(3, cli.exitCode());
    String message = "cannot open SQLite database " + db + ": no such file — give the path of an existing database "
        + "file";
    assertTrue(cli.err().startsWith("error: " + message + "\n"
        + "dev.rehearsal.database.DatabaseException: " + message + "\n"
        + "\tat dev.rehearsal.database.DatabaseException.infrastructure("), cli.err());
    assertTrue(cli.err().contains("\tat dev.rehearsal.cli.StatusCommand.call("), cli.err());
  }
}
