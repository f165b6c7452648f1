package dev.rehearsal.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.backup.Backups;
import dev.rehearsal.backup.Manifest;
import dev.rehearsal.database.sqlite.SqliteDatabase;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code backup}, {@code verify-backup} and {@code restore} on SQLite files the operator names. */
class BackupCommandsTest {

  @TempDir
  Path dir;

  private TempProject project;
  private Path db;
  private Path backup;

  @BeforeEach
  void createProjectAndDatabase() throws IOException, SQLException {
    project = new TempProject(dir.resolve("project"));
    db = Files.createFile(dir.resolve("library.sqlite"));
    backup = dir.resolve("backups/library-before.sqlite");
    assertEquals(0, Cli.run("apply", "--project-dir", project.dir(), "--db", db.toString(), "--to", "head", "--yes",
        "--no-backup").exitCode());
    execute(db, "INSERT INTO authors (id, name) VALUES (1, 'Ursula K. Le Guin'), (2, 'Anonymous')",
        "INSERT INTO books (id, author_id) VALUES (1, 1)");
  }

  private static void execute(Path file, String... statements) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  private static List<String> rows(Path file, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
      return rows;
    }
  }

  private Cli operator(String command, Path database, String... more) {
    List<String> args = new ArrayList<>(List.of(command, "--project-dir", project.dir(), "--db",
        database.toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  /** The backups go next to the project, not in it: an operator's output may go anywhere. */
  private Cli backUp(String... more) {
    List<String> args = new ArrayList<>(List.of("--out", backup.toString()));
    args.addAll(List.of(more));
    return operator("backup", db, args.toArray(String[]::new));
  }

  @Test
  void backupWritesThreeFilesAndSaysHowToCheckThemByHand() throws Exception {
    Cli cli = backUp();

    Path parent = backup.getParent();
    assertEquals(new Cli(0, "backed up " + db + " at version " + TempProject.BOOKS + " (2 tables)\n"
        + "  " + backup + "\n  " + backup + ".sha256\n  " + parent.resolve("library-before.manifest.json") + "\n"
        + "check it by hand with: (cd " + parent + " && sha256sum -c library-before.sqlite.sha256)\n", ""), cli);
    Process check = new ProcessBuilder("sh", "-c", "cd " + parent + " && sha256sum -c library-before.sqlite.sha256")
        .redirectErrorStream(true).start();
    assertEquals("library-before.sqlite: OK\n", new String(check.getInputStream().readAllBytes(),
        StandardCharsets.UTF_8));
    assertEquals(0, check.waitFor());
    Manifest manifest = Backups.verify(backup, new SqliteDatabase("sqlite"));
    assertEquals("library-before " + TempProject.BOOKS + " authors=2 books=1", manifest.label() + " "
        + manifest.version() + " authors=" + manifest.tables().get("authors").rows() + " books="
        + manifest.tables().get("books").rows());
  }

  @Test
  void backupRefusesToReplaceAnExistingBackupWithoutForce() throws IOException {
    backUp();
    byte[] first = Files.readAllBytes(backup);

    assertEquals(new Cli(2, "", "error: " + backup + " already exists — choose another name, remove it, or pass "
        + "--force\n"), backUp());
    assertArrayEquals(first, Files.readAllBytes(backup));
    assertEquals(0, backUp("--force").exitCode());
  }

  @Test
  void verifyBackupSaysWhatTheBackupHolds() {
    backUp();
    Manifest manifest = Backups.verify(backup, new SqliteDatabase("sqlite"));

    assertEquals(new Cli(0, backup + ": OK (sha256 " + manifest.sha256() + "; sqlite backup of version "
        + TempProject.BOOKS + ", 2 tables, taken " + manifest.createdAt() + "; read back, and it holds what its "
        + "manifest says)\n", ""), Cli.run("verify-backup", backup.toString()));
  }

  @Test
  void verifyBackupWorksOutsideAnyProject() throws Exception {
    backUp();
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), Main.class.getName(), "verify-backup", backup.toString())
        .directory(elsewhere.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertEquals(0, process.waitFor(), output);
    assertTrue(output.startsWith(backup + ": OK (sha256 "), output);
  }

  @Test
  void restoreIntoANewFileNeedsNoConfirmationAndMatchesTheManifest() throws SQLException {
    backUp();
    Path copy = dir.resolve("copy.sqlite");

    Cli cli = operator("restore", copy, "--from", backup.toString());

    assertEquals(new Cli(0, "restored library-before.sqlite into " + copy + ": version " + TempProject.BOOKS
        + ", schema and 2 tables match the manifest\n", ""), cli);
    assertEquals(List.of("Anonymous", "Ursula K. Le Guin"), rows(copy, "SELECT name FROM authors ORDER BY name"));
  }

  @Test
  void restoreIntoAnExistingDatabaseNeedsYes() throws Exception {
    backUp();
    execute(db, "DELETE FROM books", "DELETE FROM authors WHERE id = 2");
    byte[] changed = Files.readAllBytes(db);

    assertEquals(new Cli(2, "", "error: restore changes " + db + ", a database Rehearsal did not create — "
        + "add --yes to confirm\n"), operator("restore", db, "--from", backup.toString()));
    assertArrayEquals(changed, Files.readAllBytes(db));

    assertEquals(new Cli(0, "restored library-before.sqlite into " + db + ": version " + TempProject.BOOKS
        + ", schema and 2 tables match the manifest\n", ""), operator("restore", db, "--from", backup.toString(),
        "--yes"));
    assertEquals(List.of("1", "2"), rows(db, "SELECT id FROM authors ORDER BY id"));
    assertEquals(List.of("1"), rows(db, "SELECT count(*) FROM books"));
  }

  @Test
  void aCorruptBackupIsRefusedByVerifyAndRestoreAndTheDatabaseIsNotTouched() throws Exception {
    backUp();
    String expected = Backups.sha256(backup);
    try (RandomAccessFile data = new RandomAccessFile(backup.toFile(), "rw")) {
      data.setLength(data.length() / 2);
    }
    execute(db, "DELETE FROM books");
    byte[] current = Files.readAllBytes(db);
    String error = "error: checksum mismatch: " + backup + " is corrupt or truncated (SHA-256 " + Backups.sha256(backup)
        + ", expected " + expected + ") — nothing was restored\n";

    assertEquals(new Cli(1, "", error), Cli.run("verify-backup", backup.toString()));
    assertEquals(new Cli(1, "", error + "nothing was restored: " + db + " was not touched\n"), operator("restore", db,
        "--from", backup.toString(), "--yes"));
    assertArrayEquals(current, Files.readAllBytes(db));
    assertEquals(List.of("0"), rows(db, "SELECT count(*) FROM books"));
  }

  @Test
  void verifyBackupOfAMissingFileExits2() {
    Path missing = dir.resolve("nowhere.sqlite");

    assertEquals(new Cli(2, "", "error: " + missing + ": no such file — give the backup file to check\n"),
        Cli.run("verify-backup", missing.toString()));
  }
}
