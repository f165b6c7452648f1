package dev.rehearsal.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.run.Project;
import dev.rehearsal.run.RunId;
import dev.rehearsal.run.RunListener;
import dev.rehearsal.run.RunOptions;
import dev.rehearsal.run.RunResult;
import dev.rehearsal.run.ScenarioResult;
import dev.rehearsal.run.Status;
import dev.rehearsal.steps.Check;
import dev.rehearsal.testing.PostgresServer;
import dev.rehearsal.testing.RequiresPostgres;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup onto a full disk is a failed check that says so, and leaves no file with a backup's name, whatever the
 * engine's tool makes of it: a real, tiny file system (a 128 KiB tmpfs) fills up while the backup is written, or has
 * room for the backup file but not for its checksum and manifest. On PostgreSQL, pg_dump 15 writing its own file
 * exited 0 on a full disk; its output now comes through a pipe and Rehearsal's own write fails.
 */
class DiskFullBackupTest {

  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
  private static final int PAGE = 4096;

  @TempDir
  Path temp;

  private Path full;

  @BeforeEach
  void mountATinyFileSystem() throws Exception {
    full = Files.createDirectories(temp.resolve("full"));
    Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=128k", "tmpfs", full.toString())
        .redirectErrorStream(true).start();
    boolean mounted = mount.waitFor(10, TimeUnit.SECONDS) && mount.exitValue() == 0;
    // Mounting needs root (the CI machine runs as root); elsewhere there is no small disk to fill.
    Assumptions.assumeTrue(mounted, "cannot mount a tmpfs here: " + new String(mount.getInputStream().readAllBytes()));
  }

  @AfterEach
  void unmount() throws Exception {
    if (full != null) {
      new ProcessBuilder("umount", full.toString()).start().waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** Random text hardly compresses: 3000 users of about 200 bytes each make a dump of a few hundred KiB. */
  private static final String LARGER_THAN_THE_DISK = """
      scenario: backs up a database larger than the disk
      databases: [%s]
      steps:
        - apply: head
        - sql: |
            INSERT INTO users (id, email, full_name)
              SELECT 100 + g, 'user' || g || '@example.com', %s FROM %s;
        - backup: before-deploy
        - expect: {version: head}
      """;

  private static final String SMALL = """
      scenario: backs up a small database
      databases: [%s]
      steps:
        - apply: head
        - seed: front-page.sql
        - backup: before-deploy
        - expect: {version: head}
      """;

  private ScenarioResult run(String database, String yaml, Path backups) throws IOException {
    Path scenario = Files.writeString(temp.resolve("full-disk.yaml"), yaml);
    Map<String, String> overrides = new HashMap<>(Map.of("paths.backups", backups.toString(),
        "paths.allow_outside_project", "true"));
    overrides.put("databases.postgres.url", PostgresServer.url());
    Project project = Project.open(ROOT, overrides);
    RunResult result = project.run(RunId.next(), project.readScenarios(List.of(scenario)),
        project.databases(List.of(database)), new RunOptions(false, false, 1, false), new RunListener() {});
    return result.scenarios().get(0);
  }

  private static String larger(String database) {
    String noise = database.equals("sqlite") ? "hex(randomblob(96))" : String.join(" || ", java.util.Collections.nCopies(6, "md5(random()::text)"));
    String rows = database.equals("sqlite")
        ? "(WITH RECURSIVE n(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM n WHERE g < 3000) SELECT g FROM n)"
        : "generate_series(1, 3000) AS g";
    return LARGER_THAN_THE_DISK.formatted(database, noise, rows);
  }

  private void assertFailedWithNothingLeft(ScenarioResult run, int backupStep, String writing) throws IOException {
    assertEquals(Status.FAILED, run.status(), run.toString());
    Check check = run.steps().get(backupStep).checks().get(0);
    assertEquals("backup before-deploy written and checksummed", check.name());
    assertTrue(check.actual().startsWith("cannot write the backup "), check.actual());
    assertTrue(check.actual().contains("No space left on device (writing " + writing + ")"), check.actual());
    assertTrue(check.actual().contains(" — check free space and permissions of " + full), check.actual());
    assertEquals(Status.PASSED, run.steps().get(backupStep + 1).status(), "the scenario goes on after the failed "
        + "check");
    try (Stream<Path> files = Files.walk(full)) {
      List<String> left = files.filter(p -> Files.isRegularFile(p) && !p.getFileName().toString().equals("filler"))
          .map(p -> p.getFileName().toString()).toList();
      assertEquals(List.of(), left, "files left on the full disk");
    }
  }

  /**
   * Fills the disk so that what is left is just enough for a backup of {@code bytes} (tmpfs counts whole pages): the
   * backup file fits, its checksum and manifest do not.
   */
  private void leaveRoomFor(long bytes) throws IOException {
    long room = (bytes + PAGE - 1) / PAGE * PAGE;
    long free = Files.getFileStore(full).getUsableSpace();
    try (RandomAccessFile filler = new RandomAccessFile(full.resolve("filler").toFile(), "rw")) {
      byte[] page = new byte[PAGE];
      for (long written = 0; written < free - room; written += PAGE) {
        filler.write(page);
      }
    }
  }

  private long backupSize(String database) throws IOException {
    Path roomy = Files.createDirectories(temp.resolve("roomy"));
    ScenarioResult run = run(database, SMALL.formatted(database), roomy);
    assertEquals(Status.PASSED, run.status(), run.toString());
    try (Stream<Path> files = Files.walk(roomy)) {
      Path backup = files.filter(p -> p.getFileName().toString().startsWith("before-deploy.")
          && !p.toString().endsWith(".sha256") && !p.toString().endsWith(".json")).findFirst().orElseThrow();
      return Files.size(backup);
    }
  }

  @Test
  void aBackupOntoAFullDiskIsAFailedCheckAndLeavesNoBackupFile() throws IOException {
    assertFailedWithNothingLeft(run("sqlite", larger("sqlite"), full), 2, "the backup file");
  }

  @Test
  void roomForTheBackupButNotItsChecksumLeavesNoBackupFile() throws IOException {
    leaveRoomFor(backupSize("sqlite"));

    assertFailedWithNothingLeft(run("sqlite", SMALL.formatted("sqlite"), full), 2, "its checksum");
  }

  @Test
  @RequiresPostgres
  void aPgDumpOntoAFullDiskIsAFailedCheckAndLeavesNoBackupFile() throws IOException {
    assertFailedWithNothingLeft(run("postgres", larger("postgres"), full), 2, "the backup file");
  }

  @Test
  @RequiresPostgres
  void roomForTheDumpButNotItsChecksumLeavesNoBackupFile() throws IOException {
    leaveRoomFor(backupSize("postgres"));

    assertFailedWithNothingLeft(run("postgres", SMALL.formatted("postgres"), full), 2, "its checksum");
  }
}
