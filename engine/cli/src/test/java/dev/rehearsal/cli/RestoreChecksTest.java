package dev.rehearsal.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearsal.backup.Backups;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify-backup} and {@code restore} check the whole manifest and read the whole backup file before
 * anything is touched: each edited manifest, a truncated file with a checksum that matches, and special files are
 * refused with a message naming what is wrong, exit code 1, and the target byte for byte as it was.
 */
class RestoreChecksTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private TempProject project;
  private Path source;
  private Path target;
  private Path backup;
  private Path manifest;
  private byte[] targetBefore;

  @BeforeEach
  void aBackupAndATargetWithOtherContent() throws Exception {
    project = new TempProject(dir.resolve("project"));
    source = Files.createFile(dir.resolve("library.sqlite"));
    target = Files.createFile(dir.resolve("target.sqlite"));
    for (Path db : new Path[] {source, target}) {
      assertEquals(0, Cli.run("apply", "--project-dir", project.dir(), "--db", db.toString(), "--to", "head",
          "--yes", "--no-backup").exitCode());
    }
    execute(source, "INSERT INTO authors (id, name) VALUES (1, 'Ursula K. Le Guin'), (2, 'Anonymous')");
    execute(target, "INSERT INTO authors (id, name) VALUES (7, 'only in the target')");
    backup = dir.resolve("backups/library-before.sqlite");
    manifest = dir.resolve("backups/library-before.manifest.json");
    Cli written = Cli.run("backup", "--project-dir", project.dir(), "--db", source.toString(), "--out",
        backup.toString(), "--allow-outside-project");
    assertEquals(0, written.exitCode(), written.err());
    targetBefore = Files.readAllBytes(target);
  }

  private static void execute(Path file, String... statements) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  private void edit(Consumer<ObjectNode> change) throws IOException {
    ObjectNode json = (ObjectNode) JSON.readTree(manifest.toFile());
    change.accept(json);
    Files.writeString(manifest, json.toPrettyString());
  }

  private Cli verify() {
    return Cli.run("verify-backup", "--project-dir", project.dir(), backup.toString());
  }

  private Cli restore() {
    return Cli.run("restore", "--project-dir", project.dir(), "--db", target.toString(), "--from",
        backup.toString(), "--yes");
  }

  /** verify-backup and restore both refuse with {@code message}, and the target is as it was. */
  private void refused(String message) throws IOException {
    assertEquals(new Cli(1, "", "error: " + message + "\n"), verify());
    assertEquals(new Cli(1, "", "error: " + message + "\nnothing was restored: " + target + " was not touched\n"),
        restore());
    assertArrayEquals(targetBefore, Files.readAllBytes(target), "the target changed");
  }

  @Test
  void anIntactBackupIsVerifiedAndRestored() throws IOException {
    assertEquals(0, verify().exitCode(), verify().err());
    Cli restored = restore();
    assertEquals(0, restored.exitCode(), restored.err());
  }

  @Test
  void aManifestOfAnotherKindIsRefused() throws IOException {
    edit(json -> json.put("database_kind", "postgres"));

    assertEquals(new Cli(1, "", "error: library-before.sqlite cannot be read as a postgres backup (database_kind in "
        + "its manifest): pg_restore cannot read " + backup + " (exit 1): pg_restore: error: input file does not "
        + "appear to be a valid archive\n"), verify());
    assertEquals(new Cli(1, "", "error: library-before.sqlite is a postgres backup (database_kind in its manifest), "
        + "and the target is a sqlite database — restore it into a postgres database\nnothing was restored: "
        + target + " was not touched\n"), restore());
    assertArrayEquals(targetBefore, Files.readAllBytes(target), "the target changed");
  }

  @Test
  void versionBaseWithAppliedMigrationsIsRefused() throws IOException {
    edit(json -> json.put("version", "base"));

    refused("the manifest " + manifest + " does not match the backup file: version: base (nothing applied) in the "
        + "manifest, but the changelog table CHANGELOG in the backup file has 2 rows");
  }

  @Test
  void aRowCountTheFileDoesNotHoldIsRefused() throws IOException {
    edit(json -> ((ObjectNode) json.get("tables").get("authors")).put("rows", 999));

    refused("the manifest " + manifest + " does not match the backup file: tables.authors.rows: 999 in the "
        + "manifest, 2 in the backup file");
  }

  @Test
  void anUnknownFormatIsRefused() throws IOException {
    edit(json -> json.put("format", 99));

    refused("the manifest " + manifest + " is not valid: format: 99 is not a format this Rehearsal reads (it reads "
        + "2)");
  }

  @Test
  void aMissingOrNullFieldIsRefusedWithoutACrash() throws IOException {
    edit(json -> {
      json.putNull("schema_hash");
      json.remove("created_at");
      ((ObjectNode) json.get("tables").get("books")).put("rows", -1);
      json.put("sha256", "not a hash");
    });

    refused("the manifest " + manifest + " is not valid: created_at: missing, not a string; sha256: 'not a hash' is "
        + "not a SHA-256 (64 lower-case hex digits); schema_hash: null, not a string; tables.books.rows: -1, not a "
        + "row count (a whole number, 0 or more)");
  }

  @Test
  void aTruncatedFileWithAMatchingChecksumIsRefused() throws IOException {
    try (RandomAccessFile file = new RandomAccessFile(backup.toFile(), "rw")) {
      file.setLength(file.length() / 2);
    }
    // As a backup tool that trusted a short write would have left it: the checksum and manifest match the file.
    String sha256 = Backups.sha256(backup);
    Files.writeString(backup.resolveSibling("library-before.sqlite.sha256"), sha256 + "  library-before.sqlite\n");
    edit(json -> json.put("sha256", sha256));

    String cut = Files.size(backup) + " bytes, its header says " + (2 * Files.size(backup));
    assertEquals(new Cli(1, "", "error: library-before.sqlite cannot be read as a sqlite backup (database_kind in "
        + "its manifest): " + backup + " is truncated or padded: " + cut + "\n"), verify());
    assertEquals(1, restore().exitCode());
    assertArrayEquals(targetBefore, Files.readAllBytes(target), "the target changed");
  }

  @Test
  void aFifoDirectoryOrDeviceIsRefusedWithoutBlocking() throws Exception {
    Files.delete(manifest);
    Process mkfifo = new ProcessBuilder("mkfifo", manifest.toString()).start();
    assertEquals(0, mkfifo.waitFor());

    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> refused("the manifest " + manifest + " is not a "
        + "regular file (a pipe, socket or device) — a backup without its manifest cannot be trusted"));

    Path checksum = backup.resolveSibling("library-before.sqlite.sha256");
    Files.delete(checksum);
    Files.createDirectory(checksum);
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> refused("checksum file " + checksum + " is a "
        + "directory — without it the backup cannot be trusted"));

    assertEquals(new Cli(1, "", "error: backup /dev/null is not a regular file (a pipe, socket or device)\n"),
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Cli.run("verify-backup", "--project-dir",
            project.dir(), "/dev/null")));
  }
}
