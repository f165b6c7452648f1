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

  /**
   * Runs an operator command on the test database; commands that change it are confirmed with --yes, and take no
   * backup (the tests of backups ask for one with {@link #withBackup}).
   */
  private Cli operator(String... args) {
    List<String> all = new java.util.ArrayList<>(List.of(args));
    all.addAll(List.of("--project-dir", project.dir(), "--db", db.toString()));
    if (List.of("apply", "rollback").contains(args[0])) {
      all.addAll(List.of("--yes", "--no-backup"));
    }
    return Cli.run(all.toArray(String[]::new));
  }

  private Cli withBackup(String... args) {
    List<String> all = new java.util.ArrayList<>(List.of(args));
    all.addAll(List.of("--project-dir", project.dir(), "--db", db.toString(), "--yes"));
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
    assertEquals(new Cli(2, "", "error: --to 20240103000000 is not a migration id of the repository — give one of "
        + "its ids or head ('rehearse list' shows the ids)\n"), operator("apply", "--to", "20240103000000"));
    assertEquals(new Cli(2, "", "error: --to 20240103000000 is not a migration id of the repository — give one of "
        + "its ids or base ('rehearse list' shows the ids)\n"), operator("rollback", "--to", "20240103000000"));
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
  void aMissingDatabaseFileExits2SayingWhichDatabaseTookItForAFile() throws IOException {
    Files.delete(db);
    String missing = "error: no SQLite file " + db + " — --database sqlite (the first configured database) was "
        + "assumed, which takes a file; for a database on a server, pass --database postgres";

    assertEquals(new Cli(2, "", missing + "\n"), operator("status"));
    assertEquals(new Cli(2, "", missing + "\n"), operator("rollback", "--to", "base"));
    assertEquals(new Cli(2, "", missing + "; to start a new SQLite file, pass --create\n"),
        operator("apply", "--to", "head"));
    assertEquals(new Cli(2, "", "error: no SQLite file " + db + " — --database sqlite takes a file; for a database "
        + "on a server, pass --database postgres\n"), operator("status", "--database", "sqlite"));
    assertFalse(Files.exists(db), "nothing may create the database without --create");
  }

  @Test
  void applyCreatesAMissingFileOnlyWithCreateAndBacksNothingUp() throws IOException {
    Files.delete(db);

    assertEquals(new Cli(0, "created " + db + " (an empty SQLite database)\n2 applied, now at version "
        + TempProject.BOOKS + "\n", ""), withBackup("apply", "--to", "head", "--create"));
    assertTrue(operator("status").out().endsWith("Version: " + TempProject.BOOKS + ", 0 pending\n"));
    assertFalse(Files.exists(project.root.resolve("backups")), "a new file has nothing to back up");
  }

  @Test
  void aTargetOnTheWrongSideOfTheVersionExits2WithTheCommandToUse() {
    operator("apply", "--to", TempProject.AUTHORS);

    assertEquals(new Cli(2, "", "error: --to " + TempProject.BOOKS + " is ahead of the database's version "
        + TempProject.AUTHORS + ": rollback only goes back — to go forward, run: rehearse apply -C " + project.dir()
        + " --database sqlite --db " + db + " --to " + TempProject.BOOKS + " --yes\n"),
        operator("rollback", "--to", TempProject.BOOKS, "--database", "sqlite"));
    operator("apply", "--to", "head");
    assertEquals(new Cli(2, "", "error: --to " + TempProject.AUTHORS + " is behind the database's version "
        + TempProject.BOOKS + ": apply only goes forward — to go back, run: rehearse rollback -C " + project.dir()
        + " --db " + db + " --to " + TempProject.AUTHORS + " --yes\n"), operator("apply", "--to", TempProject.AUTHORS));
    assertTrue(operator("status").out().endsWith("Version: " + TempProject.BOOKS + ", 0 pending\n"));
  }

  @Test
  void debugAddsTheStackTrace() throws IOException {
    Files.delete(db);

    Cli cli = operator("status", "--debug");

    assertEquals(2, cli.exitCode());
    String message = "no SQLite file " + db + " — --database sqlite (the first configured database) was assumed, "
        + "which takes a file; for a database on a server, pass --database postgres";
    assertTrue(cli.err().startsWith("error: " + message + "\n"
        + "dev.rehearsal.cli.OptionException: " + message + "\n"
        + "\tat dev.rehearsal.cli.OperatorCommand.existing("), cli.err());
    assertTrue(cli.err().contains("\tat dev.rehearsal.cli.StatusCommand.call("), cli.err());
  }

  @Test
  void applyLeavesAVerifiedBackupThatRestoreLatestBringsBack() throws SQLException {
    operator("apply", "--to", TempProject.AUTHORS);
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO authors (id, name) VALUES (1, 'Ursula K. Le Guin')");
    }

    Cli apply = withBackup("apply", "--to", "head");

    Path backups = backupsOf(db);
    String backed = "backed up " + db + " at version " + TempProject.AUTHORS + " to " + backups + "/"
        + "YYYYMMDDThhmmssmmmZ-before-apply-head.sqlite (read back; checksum in "
        + "YYYYMMDDThhmmssmmmZ-before-apply-head.sqlite.sha256)\n"
        + "  undo with: rehearse restore -C " + project.dir() + " --db " + db + " --latest --yes\n";
    assertEquals(new Cli(0, backed + "1 applied, now at version " + TempProject.BOOKS + "\n", ""), stamped(apply));
    Path backup = backups.resolve(apply.out().replaceFirst("(?s).* to \\S*/([^/ ]*) .*", "$1"));
    assertEquals(0, Cli.run("verify-backup", backup.toString()).exitCode(), "the backup reads back whole");

    Cli restore = withBackup("restore", "--latest");

    assertEquals(new Cli(0, "restored " + backup + " into " + db + ": version " + TempProject.AUTHORS
        + ", schema and 1 tables match the manifest\n", ""), restore);
    assertTrue(operator("status").out().endsWith("Version: " + TempProject.AUTHORS + ", 1 pending\n"));
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement statement = connection.createStatement();
        java.sql.ResultSet rows = statement.executeQuery("SELECT name FROM authors")) {
      assertTrue(rows.next());
      assertEquals("Ursula K. Le Guin", rows.getString(1));
    }
  }

  @Test
  void rollbackBacksUpFirstAndRestoreLatestTakesTheNewest() {
    operator("apply", "--to", "head");
    withBackup("rollback", "--to", TempProject.AUTHORS);
    Cli rollback = withBackup("rollback", "--to", "base");

    assertEquals(0, rollback.exitCode(), rollback.err());
    assertTrue(rollback.out().matches("(?s)backed up .* at version " + TempProject.AUTHORS + " to .*-before-"
        + "rollback-base\\.sqlite .*1 rolled back, now at version base\n"), rollback.out());
    assertEquals(0, withBackup("restore", "--latest").exitCode());
    assertTrue(operator("status").out().endsWith("Version: " + TempProject.AUTHORS + ", 1 pending\n"));
  }

  /** The one directory of backups of {@code file}: its name, a dash and eight hex digits. */
  private Path backupsOf(Path file) {
    Path sqlite = project.root.resolve("backups/sqlite");
    String name = file.getFileName() + "-" + sha256(file.toAbsolutePath().normalize().toString()).substring(0, 8);
    return sqlite.resolve(name);
  }

  private static String sha256(String text) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void twoFilesOfOneNameKeepTheirBackupsApartAndRestoreLatestTakesOnlyItsOwn() throws IOException, SQLException {
    withBackup("apply", "--to", "head", "--create");
    withBackup("rollback", "--to", TempProject.AUTHORS);
    Path other = Files.createDirectories(dir.resolve("elsewhere")).resolve("library.sqlite");
    Cli created = Cli.run("apply", "--to", "head", "--create", "--project-dir", project.dir(), "--db",
        other.toString(), "--yes");
    assertEquals(0, created.exitCode(), created.err());

    Cli restore = Cli.run("restore", "--latest", "--project-dir", project.dir(), "--db", other.toString(), "--yes");

    assertEquals(2, restore.exitCode(), "the other file's backup is not this one's: " + restore);
    assertTrue(restore.err().startsWith("error: no backup of " + other + " in " + backupsOf(other)), restore.err());
    assertTrue(Files.isDirectory(backupsOf(db)), "the first file's backups are where it says");
  }

  @Test
  void nothingToChangeTakesNoBackup() {
    assertEquals(new Cli(0, "0 rolled back, now at version base\n", ""), withBackup("rollback", "--to", "base"));
    assertFalse(Files.exists(project.root.resolve("backups")));
  }

  @Test
  void aMissingBackupExits2() {
    assertEquals(new Cli(2, "", "error: no backup of " + db + " in " + backupsOf(db) + " — apply and rollback take one there before they change " + db
        + "; or name a backup file with --from FILE\n"), withBackup("restore", "--latest"));
    assertEquals(new Cli(2, "", "error: --from " + dir.resolve("none.sqlite") + ": no such file — give the backup "
        + "file to restore, or --latest for the newest backup apply or rollback took of " + db + "\n"),
        withBackup("restore", "--from", dir.resolve("none.sqlite").toString()));
  }

  @Test
  void operatorHelpListsOnlyTheOptionsTheCommandUses() {
    for (String command : List.of("status", "apply", "rollback", "backup", "restore")) {
      String help = Cli.run(command, "--help").out();
      for (String unused : List.of("--scenarios", "--fixtures", "--reports", "scratch")) {
        assertFalse(help.contains(unused), command + " --help mentions " + unused + ":\n" + help);
      }
      assertTrue(help.contains("PostgreSQL server that --db NAME is on"), help);
    }
    assertFalse(Cli.run("apply", "--help").out().matches("(?s).*\\bbase\\b.*"), "apply takes no base");
    for (String command : List.of("verify-backup", "clean")) {
      String help = Cli.run(command, "--help").out();
      for (String unused : List.of("--scenarios", "--fixtures", "--reports")) {
        assertFalse(help.contains(unused), command + " --help mentions " + unused + ":\n" + help);
      }
    }
    assertFalse(Cli.run("verify-backup", "--help").out().contains("--postgres-url"), "verify-backup reaches no server");
    assertTrue(Cli.run("clean", "--help").out().contains("PostgreSQL server to create scratch databases on"));
    assertTrue(Cli.run("run", "--help").out().contains("--scenarios"));
  }

  /** The time in a backup's name made stable. */
  private static Cli stamped(Cli cli) {
    return new Cli(cli.exitCode(), cli.out().replaceAll("\\d{8}T\\d{9}Z", "YYYYMMDDThhmmssmmmZ"), cli.err());
  }
}
