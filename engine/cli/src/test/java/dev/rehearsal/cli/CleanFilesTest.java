package dev.rehearsal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rehearse clean} removes the files killed runs leave, older than the age and only those: partial backups
 * (today's and earlier versions' names), temporary logs of earlier versions, and kept SQLite scratch databases; each
 * is named on the terminal. It runs in a process of its own with a temporary directory of its own, so that it never
 * sees anyone else's files in /tmp.
 */
class CleanFilesTest {

  private static final String RANDOM = "0123456789abcdef0123456789abcdef";
  private static final String UUID = "01234567-89ab-cdef-0123-456789abcdef";

  @TempDir
  Path dir;

  private TempProject project;
  private Path tmp;
  private Path backups;

  @BeforeEach
  void aProjectAndATemporaryDirectory() throws IOException {
    project = new TempProject(dir.resolve("project"));
    tmp = Files.createDirectories(dir.resolve("tmp"));
    backups = Files.createDirectories(project.root.resolve("backups/20250101_000000_abcd/s--sqlite"));
  }

  private static Path file(Path path, Duration age) throws IOException {
    Files.writeString(path, "x");
    Files.setLastModifiedTime(path, FileTime.from(Instant.now().minus(age)));
    return path;
  }

  private String rehearse(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    command.addAll(List.of("--project-dir", project.dir()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), output);
    return output;
  }

  /** The line that counts databases (and, where the engine has them, roles) is the databases' business. */
  private static String withoutDatabaseTotal(String output) {
    return output.replaceAll("(?m)^0 scratch databases.* dropped\n", "");
  }

  @Test
  void removesOldPartialBackupsAndTemporaryLogsAndNothingElse() throws Exception {
    Duration old = Duration.ofHours(2);
    Path partial = file(backups.resolve(".before-deploy.dump." + RANDOM + ".partial"), old);
    Path earlier = file(backups.resolve(".before-deploy.sqlite." + UUID + ".partial"), old);
    Path young = file(backups.resolve(".nightly.dump." + RANDOM + ".partial"), Duration.ZERO);
    Path notOurs = file(backups.resolve("notes.partial"), old);
    Path backup = file(backups.resolve("before-deploy.dump"), old);
    Path log = file(tmp.resolve("rehearsal-pgtool-4242.log"), old);
    Path otherLog = file(tmp.resolve("someone-else.log"), old);
    Files.createSymbolicLink(backups.resolve(".link.dump." + RANDOM + ".partial"), otherLog);

    String output = rehearse("clean", "--database", "sqlite");

    assertEquals("removed " + partial + " (a partial backup a stopped Rehearsal left)\n"
        + "removed " + earlier + " (a partial backup a stopped Rehearsal left)\n"
        + "removed " + log + " (a temporary log of pg_dump or pg_restore)\n"
        + "3 leftover files removed\n", withoutDatabaseTotal(output));
    for (Path gone : List.of(partial, earlier, log)) {
      assertFalse(Files.exists(gone), gone + " is still there");
    }
    for (Path kept : List.of(young, notOurs, backup, otherLog, backups.resolve(".link.dump." + RANDOM
        + ".partial"))) {
      assertTrue(Files.exists(kept, java.nio.file.LinkOption.NOFOLLOW_LINKS), kept + " was removed");
    }
  }

  @Test
  void removesKeptSqliteScratchDatabasesOlderThanTheAge() throws Exception {
    project.scenario("kept.yaml", """
        scenario: kept for a look
        steps:
          - apply: head
        """);
    rehearse("run", "--keep");
    Path kept;
    try (Stream<Path> dirs = Files.list(tmp)) {
      kept = dirs.filter(d -> d.getFileName().toString().startsWith("rehearsal-")).findFirst().orElseThrow();
    }
    String young = rehearse("clean");
    assertEquals("skipped sqlite: " + kept + ": created CREATED, less than PT1H ago (a run may be using it)\n"
        + "0 scratch databases dropped\n"
        + "1 Rehearsal database kept: younger than PT1H — --older-than PT0S drops it too, once no run is using it\n"
        + "0 leftover files removed\n", young.replaceFirst("created \\S+Z,", "created CREATED,"));
    assertTrue(Files.exists(kept), "a kept database younger than an hour is left alone");
    Files.setLastModifiedTime(kept.resolve(".rehearsal-scratch"), FileTime.from(Instant.now().minus(
        Duration.ofHours(2))));

    String output = rehearse("clean");

    assertEquals("dropped sqlite: " + kept + "\n1 scratch database dropped\n0 leftover files removed\n", output);
    assertFalse(Files.exists(kept));
  }
}
