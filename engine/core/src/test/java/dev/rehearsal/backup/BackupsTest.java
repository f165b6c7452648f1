package dev.rehearsal.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.database.ScratchDatabase;
import dev.rehearsal.database.Session;
import dev.rehearsal.database.sqlite.SqliteDatabase;
import dev.rehearsal.schema.Snapshot;
import dev.rehearsal.schema.Snapshots;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing, verifying and comparing backups of a real SQLite file. */
class BackupsTest {

  @TempDir
  Path dir;

  private final SqliteDatabase sqlite = new SqliteDatabase("sqlite");
  private ScratchDatabase scratch;

  @BeforeEach
  void createDatabase() {
    scratch = sqlite.createScratch("backups");
    execute("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL)",
        "INSERT INTO users VALUES (1, 'ada@example.com'), (2, 'grace@example.com')",
        "CREATE TABLE tags (name TEXT)");
  }

  @AfterEach
  void dropDatabase() {
    scratch.close();
  }

  private void execute(String... statements) {
    try (Connection connection = scratch.connect(); Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  private Snapshot snapshot(String label, String version) {
    try (Session session = new Session(sqlite, scratch)) {
      return new Snapshot(label, version, Snapshots.schema(session, "CHANGELOG"),
          Snapshots.data(session, "CHANGELOG", List.of()));
    }
  }

  private Path backup(String name, boolean force) {
    Path file = dir.resolve(name);
    Backups.write(sqlite, scratch.location(), file, snapshot("nightly", "base"), "CHANGELOG", force);
    return file;
  }

  @Test
  void refusesToReplaceAnyOfTheThreeFilesWithoutForce() throws IOException {
    Path file = backup("nightly.sqlite", false);
    String first = Files.readString(dir.resolve("nightly.sqlite.sha256"));

    BackupException e = assertThrows(BackupException.class, () -> backup("nightly.sqlite", false));
    assertEquals(file + " already exists — choose another name, remove it, or pass --force", e.getMessage());

    Files.delete(file);
    e = assertThrows(BackupException.class, () -> backup("nightly.sqlite", false));
    assertEquals(dir.resolve("nightly.sqlite.sha256") + " already exists — choose another name, remove it, or pass "
        + "--force", e.getMessage());
    assertEquals(first, Files.readString(dir.resolve("nightly.sqlite.sha256")));
  }

  @Test
  void forceReplacesTheBackupItsChecksumAndItsManifest() throws IOException {
    backup("nightly.sqlite", false);
    String first = Files.readString(dir.resolve("nightly.sqlite.sha256"));
    execute("INSERT INTO tags VALUES ('new')");

    Manifest manifest = Backups.verify(backup("nightly.sqlite", true), sqlite);

    assertNotEquals(first, Files.readString(dir.resolve("nightly.sqlite.sha256")));
    assertEquals(1, manifest.tables().get("tags").rows());
    try (var files = Files.list(dir)) {
      assertEquals(List.of("nightly.manifest.json", "nightly.sqlite", "nightly.sqlite.sha256"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void verifyNamesTheFileOfAFlippedByte() throws IOException {
    Path file = backup("nightly.sqlite", false);
    String expected = Backups.sha256(file);
    try (RandomAccessFile data = new RandomAccessFile(file.toFile(), "rw")) {
      data.seek(100);
      int b = data.read();
      data.seek(100);
      data.write(b ^ 0x01);
    }

    BackupException e = assertThrows(BackupException.class, () -> Backups.verify(file, sqlite));

    assertEquals("checksum mismatch: " + file + " is corrupt or truncated (SHA-256 " + Backups.sha256(file)
        + ", expected " + expected + ") — nothing was restored", e.getMessage());
  }

  @Test
  void verifyNamesTheFileOfATruncation() throws IOException {
    Path file = backup("nightly.sqlite", false);
    String expected = Backups.sha256(file);
    try (RandomAccessFile data = new RandomAccessFile(file.toFile(), "rw")) {
      data.setLength(data.length() - 1);
    }

    BackupException e = assertThrows(BackupException.class, () -> Backups.verify(file, sqlite));

    assertEquals("checksum mismatch: " + file + " is corrupt or truncated (SHA-256 " + Backups.sha256(file)
        + ", expected " + expected + ") — nothing was restored", e.getMessage());
  }

  @Test
  void verifyRefusesABackupWithoutChecksumOrWithAnotherBackupsManifest() throws IOException {
    Path file = backup("nightly.sqlite", false);
    Path other = backup("other.sqlite", false);
    execute("INSERT INTO tags VALUES ('x')");
    Path third = backup("third.sqlite", false);
    Files.copy(dir.resolve("third.manifest.json"), dir.resolve("other.manifest.json"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.delete(dir.resolve("nightly.sqlite.sha256"));

    assertEquals("checksum file " + dir.resolve("nightly.sqlite.sha256") + " not found — without it the backup "
        + "cannot be trusted", assertThrows(BackupException.class, () -> Backups.verify(file, sqlite)).getMessage());
    assertEquals("the manifest " + dir.resolve("other.manifest.json") + " belongs to another backup (SHA-256 "
        + Backups.sha256(third) + ")", assertThrows(BackupException.class, () -> Backups.verify(other, sqlite)).getMessage());
    assertEquals("backup " + dir.resolve("gone.sqlite") + " not found",
        assertThrows(BackupException.class, () -> Backups.verify(dir.resolve("gone.sqlite"), sqlite)).getMessage());
  }

  @Test
  void compareListsEveryDifferenceFromTheManifest() {
    Manifest manifest = Backups.verify(backup("nightly.sqlite", false), sqlite);
    execute("INSERT INTO users VALUES (3, 'linus@example.com')", "DROP TABLE tags",
        "CREATE TABLE audit (id INTEGER)");

    List<String> problems = Backups.compare(manifest, snapshot("nightly (restored)", "20240101000000"));

    assertEquals(List.of("version 20240101000000 after restore, base in the backup",
        "schema hash " + snapshot("x", "base").schema().hash() + " after restore, " + manifest.schemaHash()
            + " in the backup",
        "table tags missing after restore",
        "table users: 3 rows after restore, 2 in the backup",
        "table audit present after restore, not in the backup"), problems);
  }

  @Test
  void compareNoticesChangedContentWithTheSameRowCount() {
    Manifest manifest = Backups.verify(backup("nightly.sqlite", false), sqlite);
    execute("UPDATE users SET email = upper(email) WHERE id = 2");

    assertEquals(List.of("table users: content differs from the backup (same row count)"),
        Backups.compare(manifest, snapshot("nightly (restored)", "base")));
  }

  @Test
  void temporaryFilesAFailedBackupCannotRemoveAreNamedInItsMessage() throws Exception {
    // An append-only directory (ext4, as root): files can be created in it, but neither renamed nor deleted.
    Path stuck = Files.createDirectory(dir.resolve("append-only"));
    Process chattr = new ProcessBuilder("chattr", "+a", stuck.toString()).redirectErrorStream(true).start();
    org.junit.jupiter.api.Assumptions.assumeTrue(chattr.waitFor() == 0, "cannot make a directory append-only here: "
        + new String(chattr.getInputStream().readAllBytes()));
    try {
      BackupException e = assertThrows(BackupException.class, () -> Backups.write(sqlite, scratch.location(),
          stuck.resolve("nightly.sqlite"), snapshot("nightly", "base"), "CHANGELOG", false));

      List<Path> left;
      try (var files = Files.list(stuck)) {
        left = files.sorted().toList();
      }
      assertEquals(3, left.size(), left.toString());
      for (Path file : left) {
        assertTrue(file.getFileName().toString().matches("\\..*\\.[0-9a-f]{32}\\.partial"), file.toString());
        assertTrue(e.getMessage().contains("the temporary file " + file + " is left (Operation not permitted): "
            + "remove it, or let 'rehearse clean' remove it"), e.getMessage());
      }
      assertTrue(e.getMessage().startsWith("cannot write the backup " + stuck.resolve("nightly.sqlite") + ": "),
          e.getMessage());
    } finally {
      new ProcessBuilder("chattr", "-a", stuck.toString()).start().waitFor();
    }
  }
}
